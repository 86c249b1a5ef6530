package io.trustline.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.testkit.golden.GoldenJson;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
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
    void expectationRevised_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.expectationRevised());
    }

    @Test
    void expectationRevised_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.expectationRevised());
    }

    @Test
    void expectationRevised_isRejected_withoutAReason() {
        assertThatThrownBy(() -> GoldenJson.example(ExpectationRevised.class).without("reason").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void expectationRevised_isRejected_whenItChangesNothing() {
        assertThatThrownBy(() -> GoldenJson.example(ExpectationRevised.class)
                .without("changes.when").without("changes.where").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("at least one");
    }

    @Test
    void expectationRevised_omitsTheParts_thatDidNotChange() {
        JsonNode written = GoldenJson.mapper().valueToTree(IntakeEventExamples.expectationRevised());

        assertThat(fieldNames(written.get("changes"))).containsExactly("when", "where");
        assertThat(fieldNames(written.get("changes").get("when"))).containsExactly("before", "after");
    }

    @Test
    void expectationChanges_between_namesOnlyThePartsThatDiffer() {
        Expectation before = IntakeEventExamples.payrollExpectation();
        Expectation after = new Expectation(new Who(Scope.TEAM, 4), before.what(), before.when(), before.where(),
                before.how());

        ExpectationChanges changes = ExpectationChanges.between(before, after);

        assertThat(changes).isEqualTo(new ExpectationChanges(new Revised<>(before.who(), after.who()), null, null,
                null, null));
        assertThat(ExpectationChanges.between(before, before)).isNull();
    }

    @Test
    void revised_isRejected_whenBeforeEqualsAfter() {
        When when = IntakeEventExamples.payrollExpectation().when();
        assertThatThrownBy(() -> new Revised<>(when, when))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must change");
    }

    @Test
    void psaTicketLinked_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.psaTicketLinked());
    }

    @Test
    void psaTicketLinked_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.psaTicketLinked());
    }

    @Test
    void psaTicketLinked_isRejected_withAnUnknownPsa() {
        assertThatThrownBy(() -> GoldenJson.example(PsaTicketLinked.class).with("psa", "FRESHDESK").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("FRESHDESK");
    }

    @Test
    void psaTicketUpdated_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.psaTicketUpdated());
    }

    @Test
    void psaTicketUpdated_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.psaTicketUpdated());
    }

    @Test
    void psaTicketUpdated_isRejected_withANoteWithoutText() {
        assertThatThrownBy(() -> GoldenJson.example(PsaTicketUpdated.class).without("note.text").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("text");
    }

    @Test
    void psaTicketUpdated_omitsTheMilestones_notYetReached() throws Exception {
        PsaTicketUpdated justResponded = new PsaTicketUpdated("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:40:00Z"), PsaTool.AUTOTASK, "T20260302.0011", null, null,
                Instant.parse("2026-03-02T08:31:00Z"), null, null, null);

        JsonNode written = GoldenJson.mapper().valueToTree(justResponded);

        assertThat(fieldNames(written)).containsExactly("tenantId", "clientId", "issueId", "occurredAt", "psa",
                "externalTicketId", "respondedAt");
    }

    @Test
    void advanceNoticeGiven_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.advanceNoticeGiven());
    }

    @Test
    void advanceNoticeGiven_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.advanceNoticeGiven());
    }

    @Test
    void advanceNoticeGiven_writesTheLeadTimeAsAnIsoDuration() {
        JsonNode written = GoldenJson.mapper().valueToTree(IntakeEventExamples.advanceNoticeGiven());

        assertThat(written.get("leadTime").asText()).isEqualTo("PT143H");
    }

    @Test
    void advanceNoticeGiven_isRejected_whenTheLeadTimeDisagreesWithItsInstants() {
        assertThatThrownBy(() -> GoldenJson.example(AdvanceNoticeGiven.class).with("leadTime", "PT1H").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("leadTime");
    }

    @Test
    void advanceNoticeGiven_isRejected_whenNeededBeforeItWasGiven() {
        assertThatThrownBy(() -> new AdvanceNoticeGiven("t", "c", "n", Instant.parse("2026-03-09T08:00:00Z"), "x",
                Instant.parse("2026-03-03T09:00:00Z"), Duration.ofHours(-143)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void advanceNoticeFulfilled_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IntakeEventExamples.advanceNoticeFulfilled());
    }

    @Test
    void advanceNoticeFulfilled_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IntakeEventExamples.advanceNoticeFulfilled());
    }

    @Test
    void advanceNoticeFulfilled_onTime_hasNoLateness() throws Exception {
        AdvanceNoticeFulfilled late = IntakeEventExamples.advanceNoticeFulfilled();
        AdvanceNoticeFulfilled onTime = new AdvanceNoticeFulfilled(late.tenantId(), late.clientId(), late.noticeId(),
                Instant.parse("2026-03-06T16:30:00Z"), late.summary(), late.givenAt(), late.neededBy(),
                late.leadTime(), true, null, null);

        JsonNode written = GoldenJson.mapper().valueToTree(onTime);

        assertThat(fieldNames(written)).containsExactly("tenantId", "clientId", "noticeId", "occurredAt", "summary",
                "givenAt", "neededBy", "leadTime", "onTime");
        assertThat(GoldenJson.mapper().treeToValue(written, AdvanceNoticeFulfilled.class)).isEqualTo(onTime);
    }

    @Test
    void advanceNoticeFulfilled_isRejected_whenOnTimeContradictsTheInstants() {
        assertThatThrownBy(() -> GoldenJson.example(AdvanceNoticeFulfilled.class).with("onTime", true).value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("onTime");
    }

    @Test
    void advanceNoticeFulfilled_isRejected_whenLateWithoutItsLateness() {
        assertThatThrownBy(() -> GoldenJson.example(AdvanceNoticeFulfilled.class).without("lateness").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("lateness");
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
        assertThat(IntakeEventTypes.EXPECTATION_REVISED).isEqualTo("io.trustline.intake.ExpectationRevised.v1");
        assertThat(IntakeEventTypes.PSA_TICKET_LINKED).isEqualTo("io.trustline.intake.PsaTicketLinked.v1");
        assertThat(IntakeEventTypes.PSA_TICKET_UPDATED).isEqualTo("io.trustline.intake.PsaTicketUpdated.v1");
        assertThat(IntakeEventTypes.ADVANCE_NOTICE_GIVEN).isEqualTo("io.trustline.intake.AdvanceNoticeGiven.v1");
        assertThat(IntakeEventTypes.ADVANCE_NOTICE_FULFILLED).isEqualTo("io.trustline.intake.AdvanceNoticeFulfilled.v1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
