package io.trustline.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freezes the published JSON shape of every notification event. A failure here means a change to a published
 * contract: make it additive (a new optional field, then update the golden file) or publish a {@code .v2}.
 */
class NotificationEventsGoldenTest {

    // Configured like a consumer's mapper, except that unknown fields still fail here: tolerating them must
    // come from the events' own annotations, so that consumers with a default mapper tolerate them too.
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void webhookEndpointRegistered_matchesItsGoldenJson() throws Exception {
        JsonNode written = json.readTree(json.writeValueAsString(NotificationEventExamples.webhookEndpointRegistered()));

        assertThat(written).isEqualTo(json.readTree(NotificationEventExamples.goldenJson("WebhookEndpointRegistered")));
    }

    @Test
    void webhookEndpointRegistered_readsBackFromItsGoldenJson() throws Exception {
        assertThat(json.readValue(NotificationEventExamples.goldenJson("WebhookEndpointRegistered"),
                WebhookEndpointRegistered.class))
                .isEqualTo(NotificationEventExamples.webhookEndpointRegistered());
    }

    @Test
    void webhookEndpointRegistered_isStillRead_whenALaterVersionAddsFields() throws Exception {
        ObjectNode golden = (ObjectNode) json.readTree(NotificationEventExamples.goldenJson("WebhookEndpointRegistered"));
        golden.put("addedInALaterVersion", "ignored by v1 readers");

        assertThat(json.treeToValue(golden, WebhookEndpointRegistered.class))
                .isEqualTo(NotificationEventExamples.webhookEndpointRegistered());
    }

    @Test
    void webhookEndpointRegistered_hasNoClientId_becauseTheEndpointBelongsToTheTenant() throws Exception {
        JsonNode written = json.readTree(json.writeValueAsString(NotificationEventExamples.webhookEndpointRegistered()));

        assertThat(written.has("clientId")).isFalse();
    }

    @Test
    void webhookEndpointRegistered_isRejected_withoutEventTypes() throws Exception {
        ObjectNode golden = (ObjectNode) json.readTree(NotificationEventExamples.goldenJson("WebhookEndpointRegistered"));
        golden.putArray("eventTypes");

        assertThatThrownBy(() -> json.treeToValue(golden, WebhookEndpointRegistered.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("eventTypes");
    }

    @Test
    void webhookEndpointRegistered_keepsItsEventTypes_whenTheGivenListChangesLater() {
        List<String> types = new ArrayList<>(List.of("io.trustline.intake.IssueReported.v1"));
        WebhookEndpointRegistered registered = new WebhookEndpointRegistered("northwind-it", "endpoint-1",
                Instant.parse("2026-03-01T16:40:12Z"), "https://hooks.example/trustline", types);

        types.add("io.trustline.incident.IncidentOpened.v1");

        assertThat(registered.eventTypes()).containsExactly("io.trustline.intake.IssueReported.v1");
        assertThatThrownBy(() -> registered.eventTypes().add("another"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void topicsAndEventTypes_areThePublishedNames() {
        assertThat(NotificationTopics.EVENTS).isEqualTo("trustline.notification.v1");
        assertThat(NotificationTopics.DEAD_LETTERS).isEqualTo("trustline.notification.v1.dlq");
        assertThat(NotificationEventTypes.WEBHOOK_ENDPOINT_REGISTERED)
                .isEqualTo("io.trustline.notification.WebhookEndpointRegistered.v1");
    }
}
