package io.trustline.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.testkit.golden.GoldenJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freezes the published JSON shape of every notification event. A failure here means a change to a published
 * contract: make it additive (a new optional field, then update the golden file) or publish a {@code .v2}.
 */
class NotificationEventsGoldenTest {

    @Test
    void webhookEndpointRegistered_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookEndpointRegistered());
    }

    @Test
    void webhookEndpointRegistered_withFilterClientAllowListAndBackfill_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden("WebhookEndpointRegistered.filtered.v1",
                NotificationEventExamples.webhookEndpointRegisteredWithFilter());
    }

    @Test
    void webhookEndpointRegistered_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookEndpointRegistered());
    }

    @Test
    void webhookEndpointRegistered_hasNoClientId_becauseTheEndpointBelongsToTheTenant() {
        assertThat(GoldenJson.mapper().valueToTree(NotificationEventExamples.webhookEndpointRegistered())
                .has("clientId")).isFalse();
    }

    @Test
    void webhookEndpointRegistered_isRejected_withoutEventTypes() {
        assertThatThrownBy(() -> GoldenJson.example(WebhookEndpointRegistered.class).with("eventTypes", List.of()).value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("eventTypes");
    }

    @Test
    void webhookEndpointRegistered_keepsItsEventTypes_whenTheGivenListChangesLater() {
        List<String> types = new ArrayList<>(List.of("io.trustline.intake.IssueReported.v1"));
        WebhookEndpointRegistered registered = new WebhookEndpointRegistered("northwind-it", "endpoint-1",
                Instant.parse("2026-03-01T16:40:12Z"), "https://hooks.example/trustline", types, null, null, null,
                null);

        types.add("io.trustline.incident.IncidentOpened.v1");

        assertThat(registered.eventTypes()).containsExactly("io.trustline.intake.IssueReported.v1");
        assertThatThrownBy(() -> registered.eventTypes().add("another"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void webhookEndpointDisabled_matchesItsGoldenJson_andIsStillReadWithFieldsAddedLater() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookEndpointDisabled());
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookEndpointDisabled());
    }

    @Test
    void webhookEndpointDisabled_byItsTenant_matchesItsGoldenJson() {
        GoldenJson.assertMatchesGolden("WebhookEndpointDisabled.byTenant.v1",
                NotificationEventExamples.webhookEndpointDisabledByTenant());
    }

    @Test
    void webhookEndpointUpdated_matchesItsGoldenJson_andIsStillReadWithFieldsAddedLater() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookEndpointUpdated());
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookEndpointUpdated());
    }

    @Test
    void webhookEndpointUpdated_isRejected_withoutEventTypes_orWithoutAChangedSetting() {
        assertThatThrownBy(() -> GoldenJson.example(WebhookEndpointUpdated.class).with("eventTypes", List.of()).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("eventTypes");
        assertThatThrownBy(() -> GoldenJson.example(WebhookEndpointUpdated.class).with("changed", List.of()).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("changed");
    }

    @Test
    void webhookEndpointUpdated_carriesNoSecret_andNoClientId() {
        String json = GoldenJson.mapper().valueToTree(NotificationEventExamples.webhookEndpointUpdated()).toString();
        assertThat(json).doesNotContain("whsec_").doesNotContain("\"secret").doesNotContain("\"clientId\"");
    }

    @Test
    void webhookEndpointEnabled_matchesItsGoldenJson_andIsStillReadWithFieldsAddedLater() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookEndpointEnabled());
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookEndpointEnabled());
    }

    @Test
    void webhookEndpointEnabled_isRejected_withoutTheReasonItHadBeenDisabledFor() {
        assertThatThrownBy(() -> GoldenJson.example(WebhookEndpointEnabled.class).without("previousReason").value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("previousReason");
    }

    @Test
    void webhookEndpointDeleted_matchesItsGoldenJson_andIsStillReadWithFieldsAddedLater() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookEndpointDeleted());
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookEndpointDeleted());
    }

    @Test
    void webhookDelivered_matchesItsGoldenJson_andIsStillReadWithFieldsAddedLater() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookDelivered());
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookDelivered());
    }

    @Test
    void webhookDeliveryFailed_matchesItsGoldenJson_andIsStillReadWithFieldsAddedLater() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookDeliveryFailed());
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookDeliveryFailed());
    }

    @Test
    void webhookDeliveryFailed_withoutANextAttempt_gaveUp_andNeedsAStatusOrAnError() {
        WebhookDeliveryFailed lastTimeout = GoldenJson.example(WebhookDeliveryFailed.class)
                .without("nextAttemptAt").without("statusCode").with("error", "no answer within PT10S").value();
        assertThat(lastTimeout.gaveUp()).isTrue();
        assertThatThrownBy(() -> GoldenJson.example(WebhookDeliveryFailed.class).without("statusCode").value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("statusCode");
    }

    @Test
    void webhookDelivered_isRejected_withAStatusOtherThan2xx() {
        assertThatThrownBy(() -> GoldenJson.example(WebhookDelivered.class).with("statusCode", 500).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("statusCode");
    }

    @Test
    void webhookEndpointSecretRotated_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(NotificationEventExamples.webhookEndpointSecretRotated());
    }

    @Test
    void webhookEndpointSecretRotated_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(NotificationEventExamples.webhookEndpointSecretRotated());
    }

    @Test
    void webhookEndpointSecretRotated_carriesNoSecret() {
        assertThat(GoldenJson.mapper().valueToTree(NotificationEventExamples.webhookEndpointSecretRotated()).toString())
                .doesNotContain("whsec_").doesNotContain("\"secret");
    }

    @Test
    void webhookEndpointSecretRotated_withoutAPreviousSecret_leavesItsExpiryOut() {
        WebhookEndpointSecretRotated first = new WebhookEndpointSecretRotated("northwind-it", "endpoint-1",
                Instant.parse("2026-03-04T09:15:00Z"), null);

        assertThat(GoldenJson.mapper().valueToTree(first).has("previousSecretExpiresAt")).isFalse();
    }

    @Test
    void topicsAndEventTypes_areThePublishedNames() {
        assertThat(NotificationTopics.EVENTS).isEqualTo("trustline.notification.v1");
        assertThat(NotificationTopics.DEAD_LETTERS).isEqualTo("trustline.notification.v1.dlq");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_REGISTERED)
                .isEqualTo("io.trustline.notification.WebhookEndpointRegistered.v1");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_DISABLED)
                .isEqualTo("io.trustline.notification.WebhookEndpointDisabled.v1");
        assertThat(NotificationEventTypes.WEBHOOK_DELIVERED).isEqualTo("io.trustline.notification.WebhookDelivered.v1");
        assertThat(NotificationEventTypes.WEBHOOK_DELIVERY_FAILED)
                .isEqualTo("io.trustline.notification.WebhookDeliveryFailed.v1");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_SECRET_ROTATED)
                .isEqualTo("io.trustline.notification.WebhookEndpointSecretRotated.v1");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_UPDATED)
                .isEqualTo("io.trustline.notification.WebhookEndpointUpdated.v1");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_ENABLED)
                .isEqualTo("io.trustline.notification.WebhookEndpointEnabled.v1");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_DELETED)
                .isEqualTo("io.trustline.notification.WebhookEndpointDeleted.v1");
    }
}
