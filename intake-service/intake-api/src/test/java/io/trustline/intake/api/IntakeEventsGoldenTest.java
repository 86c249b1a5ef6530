package io.trustline.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freezes the published JSON shape of every intake event. A failure here means a change to a published
 * contract: make it additive (a new optional field, then update the golden file) or publish a {@code .v2}.
 */
class IntakeEventsGoldenTest {

    // Configured like a consumer's mapper, except that unknown fields still fail here: tolerating them must
    // come from the events' own annotations, so that consumers with a default mapper tolerate them too.
    // Decimals are read into trees as BigDecimal so that a money amount keeps its scale (1200.50, not 1200.5).
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Test
    void issueReported_matchesItsGoldenJson() throws Exception {
        assertMatchesGolden(IntakeEventExamples.issueReported(), "IssueReported");
    }

    @Test
    void issueReported_readsBackFromItsGoldenJson() throws Exception {
        assertThat(json.readValue(IntakeEventExamples.goldenJson("IssueReported"), IssueReported.class))
                .isEqualTo(IntakeEventExamples.issueReported());
    }

    @Test
    void issueReported_isStillRead_whenALaterVersionAddsFields() throws Exception {
        assertThat(json.readValue(withFieldsAddedEverywhere("IssueReported"), IssueReported.class))
                .isEqualTo(IntakeEventExamples.issueReported());
    }

    @Test
    void issueReported_omitsOptionalFields_thatAreAbsent() throws Exception {
        IssueReported minimal = new IssueReported("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:15:00Z"), "Printer jammed", null, new Reporter("Sam", null, null),
                null, null, null);

        JsonNode written = json.readTree(json.writeValueAsString(minimal));

        assertThat(fieldNames(written))
                .containsExactly("tenantId", "clientId", "issueId", "occurredAt", "summary", "reportedBy");
        assertThat(fieldNames(written.get("reportedBy"))).containsExactly("name");
        assertThat(json.treeToValue(written, IssueReported.class)).isEqualTo(minimal);
    }

    @Test
    void issueReported_isRejected_withoutASummary() {
        String withoutSummary = IntakeEventExamples.goldenJson("IssueReported")
                .replace("\"summary\" : \"Payroll server unreachable\",", "");

        assertThatThrownBy(() -> json.readValue(withoutSummary, IssueReported.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("summary");
    }

    @Test
    void expectationSet_matchesItsGoldenJson() throws Exception {
        assertMatchesGolden(IntakeEventExamples.expectationSet(), "ExpectationSet");
    }

    @Test
    void expectationSet_readsBackFromItsGoldenJson() throws Exception {
        assertThat(json.readValue(IntakeEventExamples.goldenJson("ExpectationSet"), ExpectationSet.class))
                .isEqualTo(IntakeEventExamples.expectationSet());
    }

    @Test
    void expectationSet_isStillRead_whenALaterVersionAddsFields() throws Exception {
        assertThat(json.readValue(withFieldsAddedEverywhere("ExpectationSet"), ExpectationSet.class))
                .isEqualTo(IntakeEventExamples.expectationSet());
    }

    @Test
    void expectationSet_isRejected_withoutTheWhen() throws Exception {
        ObjectNode golden = (ObjectNode) json.readTree(IntakeEventExamples.goldenJson("ExpectationSet"));
        ((ObjectNode) golden.get("expectation")).remove("when");

        assertThatThrownBy(() -> json.treeToValue(golden, ExpectationSet.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("when");
    }

    @Test
    void how_hasNoAcceptanceChecks_whenTheFieldIsAbsent() throws Exception {
        How how = json.readValue("{\"resolvedWhen\": \"I can print again\"}", How.class);

        assertThat(how.acceptanceChecks()).isEmpty();
    }

    @Test
    void how_keepsItsAcceptanceChecks_whenTheGivenListChangesLater() {
        List<String> checks = new ArrayList<>(List.of("print a test page"));
        How how = new How("I can print again", checks);

        checks.add("scan to email");

        assertThat(how.acceptanceChecks()).containsExactly("print a test page");
        assertThatThrownBy(() -> how.acceptanceChecks().add("another"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void who_isRejected_whenNobodyIsCountedAsAffected() {
        assertThatThrownBy(() -> new Who(Scope.TEAM, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("affectedCount");
    }

    @Test
    void what_isRejected_whenTheCostPerHourIsNegative() {
        assertThatThrownBy(() -> new What(Impact.DEGRADED, new BigDecimal("-1"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("costPerHour");
    }

    @Test
    void topicsAndEventTypes_areThePublishedNames() {
        assertThat(IntakeTopics.EVENTS).isEqualTo("trustline.intake.v1");
        assertThat(IntakeTopics.DEAD_LETTERS).isEqualTo("trustline.intake.v1.dlq");
        assertThat(IntakeEventTypes.ISSUE_REPORTED).isEqualTo("io.trustline.intake.IssueReported.v1");
        assertThat(IntakeEventTypes.EXPECTATION_SET).isEqualTo("io.trustline.intake.ExpectationSet.v1");
    }

    private void assertMatchesGolden(Object event, String eventName) throws Exception {
        JsonNode written = json.readTree(json.writeValueAsString(event));
        JsonNode golden = json.readTree(IntakeEventExamples.goldenJson(eventName));
        assertThat(written).isEqualTo(golden);
    }

    /** The golden JSON with an unknown field added to the event and to every object nested in it. */
    private String withFieldsAddedEverywhere(String eventName) throws Exception {
        JsonNode golden = json.readTree(IntakeEventExamples.goldenJson(eventName));
        addUnknownFields(golden);
        return json.writeValueAsString(golden);
    }

    private static void addUnknownFields(JsonNode node) {
        node.forEach(IntakeEventsGoldenTest::addUnknownFields);
        if (node instanceof ObjectNode object) {
            object.put("addedInALaterVersion", "ignored by v1 readers");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
