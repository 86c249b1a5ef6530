package io.trustline.incident.api;

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
 * Freezes the published JSON shape of every incident event. A failure here means a change to a published
 * contract: make it additive (a new optional field, then update the golden file) or publish a {@code .v2}.
 */
class IncidentEventsGoldenTest {

    // Configured like a consumer's mapper, except that unknown fields still fail here: tolerating them must
    // come from the events' own annotations, so that consumers with a default mapper tolerate them too.
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void incidentOpened_matchesItsGoldenJson() throws Exception {
        assertMatchesGolden(IncidentEventExamples.incidentOpened(), "IncidentOpened");
    }

    @Test
    void incidentOpened_readsBackFromItsGoldenJson() throws Exception {
        assertThat(json.readValue(IncidentEventExamples.goldenJson("IncidentOpened"), IncidentOpened.class))
                .isEqualTo(IncidentEventExamples.incidentOpened());
    }

    @Test
    void incidentOpened_isStillRead_whenALaterVersionAddsFields() throws Exception {
        assertThat(json.readValue(withFieldsAddedEverywhere("IncidentOpened"), IncidentOpened.class))
                .isEqualTo(IncidentEventExamples.incidentOpened());
    }

    @Test
    void actionPlanIssued_matchesItsGoldenJson() throws Exception {
        assertMatchesGolden(IncidentEventExamples.actionPlanIssued(), "ActionPlanIssued");
    }

    @Test
    void actionPlanIssued_readsBackFromItsGoldenJson() throws Exception {
        assertThat(json.readValue(IncidentEventExamples.goldenJson("ActionPlanIssued"), ActionPlanIssued.class))
                .isEqualTo(IncidentEventExamples.actionPlanIssued());
    }

    @Test
    void actionPlanIssued_isStillRead_whenALaterVersionAddsFields() throws Exception {
        assertThat(json.readValue(withFieldsAddedEverywhere("ActionPlanIssued"), ActionPlanIssued.class))
                .isEqualTo(IncidentEventExamples.actionPlanIssued());
    }

    @Test
    void actionPlanIssued_omitsTheEta_whenNoneWasGiven() throws Exception {
        ActionPlanIssued withoutEta = new ActionPlanIssued("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:52:00Z"), List.of("Replace the toner"), "Service desk", null);

        JsonNode written = json.readTree(json.writeValueAsString(withoutEta));

        assertThat(written.has("eta")).isFalse();
        assertThat(json.treeToValue(written, ActionPlanIssued.class)).isEqualTo(withoutEta);
    }

    @Test
    void actionPlanIssued_isRejected_withoutSteps() throws Exception {
        ObjectNode golden = (ObjectNode) json.readTree(IncidentEventExamples.goldenJson("ActionPlanIssued"));
        golden.putArray("steps");

        assertThatThrownBy(() -> json.treeToValue(golden, ActionPlanIssued.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("steps");
    }

    @Test
    void actionPlanIssued_isRejected_withoutAnOwner() throws Exception {
        ObjectNode golden = (ObjectNode) json.readTree(IncidentEventExamples.goldenJson("ActionPlanIssued"));
        golden.remove("owner");

        assertThatThrownBy(() -> json.treeToValue(golden, ActionPlanIssued.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void actionPlanIssued_keepsItsSteps_whenTheGivenListChangesLater() {
        List<String> steps = new ArrayList<>(List.of("Replace the toner"));
        ActionPlanIssued plan = new ActionPlanIssued("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:52:00Z"), steps, "Service desk", null);

        steps.add("Order a new printer");

        assertThat(plan.steps()).containsExactly("Replace the toner");
        assertThatThrownBy(() -> plan.steps().add("another")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void topicsAndEventTypes_areThePublishedNames() {
        assertThat(IncidentTopics.EVENTS).isEqualTo("trustline.incident.v1");
        assertThat(IncidentTopics.DEAD_LETTERS).isEqualTo("trustline.incident.v1.dlq");
        assertThat(IncidentEventTypes.INCIDENT_OPENED).isEqualTo("io.trustline.incident.IncidentOpened.v1");
        assertThat(IncidentEventTypes.ACTION_PLAN_ISSUED).isEqualTo("io.trustline.incident.ActionPlanIssued.v1");
    }

    private void assertMatchesGolden(Object event, String eventName) throws Exception {
        JsonNode written = json.readTree(json.writeValueAsString(event));
        JsonNode golden = json.readTree(IncidentEventExamples.goldenJson(eventName));
        assertThat(written).isEqualTo(golden);
    }

    /** The golden JSON with an unknown field added to the event and to every object nested in it. */
    private String withFieldsAddedEverywhere(String eventName) throws Exception {
        JsonNode golden = json.readTree(IncidentEventExamples.goldenJson(eventName));
        addUnknownFields(golden);
        return json.writeValueAsString(golden);
    }

    private static void addUnknownFields(JsonNode node) {
        node.forEach(IncidentEventsGoldenTest::addUnknownFields);
        if (node instanceof ObjectNode object) {
            object.put("addedInALaterVersion", "ignored by v1 readers");
        }
    }
}
