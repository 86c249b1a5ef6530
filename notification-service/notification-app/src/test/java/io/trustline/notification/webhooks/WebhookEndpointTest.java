package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointEvent.DisabledReason;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.platform.domain.NotFoundForTenant;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RotateWebhookEndpointSecret;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointSecretRotated;
import io.trustline.platform.command.IdempotentCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(3));
    private static final List<String> TYPES = List.of("io.trustline.intake.IssueReported.v1");
    private static final WebhookEndpointRegistered REGISTERED = new WebhookEndpointRegistered("ep-1", "tenant-a",
            "https://partner.example/hooks", TYPES, NOW, "v1:sealed-first", null, null, null, null);

    private AggregateTestFixture<WebhookEndpoint> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(WebhookEndpoint.class);
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(IdempotentCommands.correlationData()));
    }

    @Test
    void registeringAnEndpoint_recordsItsUrlEventTypesAndSealedSecret() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookEndpoint("ep-1", "tenant-a", "https://partner.example/hooks", TYPES, NOW,
                        "v1:sealed-first", null, null, null, null))
                .expectEvents(REGISTERED);
    }

    @Test
    void registeringAnEndpoint_withABackfill_recordsWhereTheBackfillStarts() {
        Instant from = NOW.minus(Duration.ofDays(7));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookEndpoint("ep-1", "tenant-a", "https://partner.example/hooks", TYPES, NOW,
                        "v1:sealed-first", null, null, null, from))
                .expectEvents(new WebhookEndpointRegistered("ep-1", "tenant-a", "https://partner.example/hooks", TYPES,
                        NOW, "v1:sealed-first", null, null, null, from));
    }

    @Test
    void registeringAnEndpoint_recordsItsFilterAndClientAllowList() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookEndpoint("ep-1", "tenant-a", "https://partner.example/hooks", TYPES, NOW,
                        "v1:sealed-first", "data.priority == \"CRITICAL\"", List.of("acme-dental"), "dashboard", null))
                .expectEvents(new WebhookEndpointRegistered("ep-1", "tenant-a", "https://partner.example/hooks", TYPES,
                        NOW, "v1:sealed-first", "data.priority == \"CRITICAL\"", List.of("acme-dental"), "dashboard",
                        null));
    }

    @Test
    void rotatingTheSecret_keepsThePreviousOneSigningUntilTheOverlapEnds() {
        fixture.given(REGISTERED)
                .when(new RotateWebhookEndpointSecret("ep-1", "tenant-a", "v1:sealed-second", LATER,
                        LATER.plus(Duration.ofHours(24))))
                .expectEvents(new WebhookEndpointSecretRotated("ep-1", "tenant-a", "v1:sealed-second",
                        "v1:sealed-first", LATER.plus(Duration.ofHours(24)), LATER));
    }

    @Test
    void rotatingAgain_replacesTheSecretThatWasCurrent() {
        WebhookEndpointSecretRotated first = new WebhookEndpointSecretRotated("ep-1", "tenant-a", "v1:sealed-second",
                "v1:sealed-first", LATER.plus(Duration.ofHours(24)), LATER);
        Instant third = LATER.plus(Duration.ofHours(1));
        fixture.given(REGISTERED, first)
                .when(new RotateWebhookEndpointSecret("ep-1", "tenant-a", "v1:sealed-third", third,
                        third.plus(Duration.ofHours(24))))
                .expectEvents(new WebhookEndpointSecretRotated("ep-1", "tenant-a", "v1:sealed-third",
                        "v1:sealed-second", third.plus(Duration.ofHours(24)), third));
    }

    @Test
    void anEndpointRegisteredBeforeSigning_getsItsFirstSecretByRotation_withNothingToOverlap() {
        fixture.given(new WebhookEndpointRegistered("ep-1", "tenant-a", "https://partner.example/hooks", TYPES, NOW, null,
                        null, null, null, null))
                .when(new RotateWebhookEndpointSecret("ep-1", "tenant-a", "v1:sealed-first", LATER,
                        LATER.plus(Duration.ofHours(24))))
                .expectEvents(new WebhookEndpointSecretRotated("ep-1", "tenant-a", "v1:sealed-first", null, null, LATER));
    }

    @Test
    void anotherTenantsRotation_isRefusedAsNotFound() {
        fixture.given(REGISTERED)
                .when(new RotateWebhookEndpointSecret("ep-1", "tenant-b", "v1:sealed-second", LATER, LATER))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void aRotationRetriedWithItsKey_answersTheFirstRotation_andStoresNothing() {
        RotateWebhookEndpointSecret command = new RotateWebhookEndpointSecret("ep-1", "tenant-a", "v1:sealed-second",
                LATER, LATER.plus(Duration.ofHours(24)));
        MetaData keyed = IdempotentCommands.message(command, "rotate-1", Map.of()).getMetaData();
        WebhookEndpointSecretRotated first = new WebhookEndpointSecretRotated("ep-1", "tenant-a", "v1:sealed-second",
                "v1:sealed-first", LATER.plus(Duration.ofHours(24)), LATER);
        fixture.given(List.of(REGISTERED, GenericEventMessage.asEventMessage(first).andMetaData(keyed)))
                .when(new RotateWebhookEndpointSecret("ep-1", "tenant-a", "v1:retry-minted", LATER.plusSeconds(5),
                        LATER.plusSeconds(5).plus(Duration.ofHours(24))), keyed)
                .expectNoEvents()
                .expectResultMessagePayload(new IdempotentCommands.Replayed(first));
    }

    @Test
    void anEndpointAnswering410_isDisabled_withItsReason() {
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .given(REGISTERED)
                .when(new DisableWebhookEndpoint("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER))
                .expectEvents(new WebhookEndpointDisabled("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER));
    }

    @Test
    void disablingADisabledEndpoint_recordsNothing() {
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .given(REGISTERED, new WebhookEndpointDisabled("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER))
                .when(new DisableWebhookEndpoint("ep-1", "tenant-a", DisabledReason.FAILING_TOO_LONG, "failing", LATER))
                .expectNoEvents();
    }

    @Test
    void anotherTenantsEndpoint_cannotBeDisabled() {
        new AggregateTestFixture<>(WebhookEndpoint.class)
                .given(REGISTERED)
                .when(new DisableWebhookEndpoint("ep-1", "tenant-b", DisabledReason.GONE, "answered 410", LATER))
                .expectException(NotFoundForTenant.class);
    }
}
