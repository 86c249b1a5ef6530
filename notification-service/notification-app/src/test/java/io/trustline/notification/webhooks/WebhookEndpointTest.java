package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointEvent.DisabledReason;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.platform.domain.NotFoundForTenant;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final Instant REGISTERED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-03T10:00:00Z");
    private static final WebhookEndpointRegistered REGISTRATION = new WebhookEndpointRegistered("ep-1", "tenant-a",
            "https://partner.example/hooks", List.of("io.trustline.intake.IssueReported.v1"), REGISTERED);

    @Test
    void registeringAnEndpoint_recordsItsUrlAndEventTypes() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        List<String> types = List.of("io.trustline.intake.IssueReported.v1");
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .givenNoPriorActivity()
                .when(new RegisterWebhookEndpoint("ep-1", "tenant-a", "https://partner.example/hooks", types, now))
                .expectEvents(new WebhookEndpointRegistered("ep-1", "tenant-a", "https://partner.example/hooks", types, now));
    }

    @Test
    void anEndpointAnswering410_isDisabled_withItsReason() {
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .given(REGISTRATION)
                .when(new DisableWebhookEndpoint("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER))
                .expectEvents(new WebhookEndpointDisabled("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER));
    }

    @Test
    void disablingADisabledEndpoint_recordsNothing() {
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .given(REGISTRATION, new WebhookEndpointDisabled("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER))
                .when(new DisableWebhookEndpoint("ep-1", "tenant-a", DisabledReason.FAILING_TOO_LONG, "failing", LATER))
                .expectNoEvents();
    }

    @Test
    void anotherTenantsEndpoint_cannotBeDisabled() {
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .given(REGISTRATION)
                .when(new DisableWebhookEndpoint("ep-1", "tenant-b", DisabledReason.GONE, "answered 410", LATER))
                .expectException(NotFoundForTenant.class);
    }
}
