package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    @Test
    void registeringAnEndpoint_recordsItsUrlAndEventTypes() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        List<String> types = List.of("io.trustline.intake.IssueReported.v1");
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .givenNoPriorActivity()
                .when(new RegisterWebhookEndpoint("ep-1", "tenant-a", "https://partner.example/hooks", types, now))
                .expectEvents(new WebhookEndpointRegistered("ep-1", "tenant-a", "https://partner.example/hooks", types, now));
    }
}
