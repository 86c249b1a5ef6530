package io.trustline.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.testkit.golden.GoldenJson;
import java.io.UncheckedIOException;
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

    @Test
    void issueReported_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.issueReported());
    }

    @Test
    void issueReported_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.issueReported());
    }

    @Test
    void issueReported_omitsOptionalFields_thatAreAbsent() throws Exception {
        IssueReported minimal = new IssueReported("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:15:00Z"), "Printer jammed", null, new Reporter("Sam", null, null),
                null, null, null);

        JsonNode written = GoldenJson.mapper().valueToTree(minimal);

        assertThat(fieldNames(written))
                .containsExactly("tenantId", "clientId", "issueId", "occurredAt", "summary", "reportedBy");
        assertThat(fieldNames(written.get("reportedBy"))).containsExactly("name");
        assertThat(GoldenJson.mapper().treeToValue(written, IssueReported.class)).isEqualTo(minimal);
    }

    @Test
    void issueReported_isRejected_withoutASummary() {
        assertThatThrownBy(() -> GoldenJson.example(IssueReported.class).without("summary").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("summary");
    }

    @Test
    void expectationSet_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.expectationSet());
    }

    @Test
    void expectationSet_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.expectationSet());
    }

    @Test
    void expectationSet_isRejected_withoutTheWhen() {
        assertThatThrownBy(() -> GoldenJson.example(ExpectationSet.class).without("expectation.when").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("when");
    }

    @Test
    void how_hasNoAcceptanceChecks_whenTheFieldIsAbsent() throws Exception {
        How how = GoldenJson.mapper().readValue("{\"resolvedWhen\": \"I can print again\"}", How.class);

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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
