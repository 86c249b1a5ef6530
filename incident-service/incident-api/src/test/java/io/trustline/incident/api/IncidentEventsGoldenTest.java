package io.trustline.incident.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.testkit.golden.GoldenJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Freezes the published JSON shape of every incident event. A failure here means a change to a published
 * contract: make it additive (a new optional field, then update the golden file) or publish a {@code .v2}.
 */
class IncidentEventsGoldenTest {

    @Test
    void incidentOpened_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IncidentEventExamples.incidentOpened());
    }

    @Test
    void incidentOpened_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IncidentEventExamples.incidentOpened());
    }

    @Test
    void actionPlanIssued_matchesItsGoldenJson_andReadsBackFromIt() {
        GoldenJson.assertMatchesGolden(IncidentEventExamples.actionPlanIssued());
    }

    @Test
    void actionPlanIssued_isStillRead_whenALaterVersionAddsFields() {
        GoldenJson.assertReadDespiteFieldsAddedLater(IncidentEventExamples.actionPlanIssued());
    }

    @Test
    void actionPlanIssued_omitsTheEta_whenNoneWasGiven() throws Exception {
        ActionPlanIssued withoutEta = new ActionPlanIssued("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:52:00Z"), List.of("Replace the toner"), "Service desk", null, null);

        JsonNode written = GoldenJson.mapper().valueToTree(withoutEta);

        assertThat(written.has("eta")).isFalse();
        assertThat(GoldenJson.mapper().treeToValue(written, ActionPlanIssued.class)).isEqualTo(withoutEta);
    }

    @Test
    void actionPlanIssued_isRejected_withoutSteps() {
        assertThatThrownBy(() -> GoldenJson.example(ActionPlanIssued.class).with("steps", List.of()).value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("steps");
    }

    @Test
    void actionPlanIssued_isRejected_withoutAnOwner() {
        assertThatThrownBy(() -> GoldenJson.example(ActionPlanIssued.class).without("owner").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void actionPlanIssued_keepsItsSteps_whenTheGivenListChangesLater() {
        List<String> steps = new ArrayList<>(List.of("Replace the toner"));
        ActionPlanIssued plan = new ActionPlanIssued("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:52:00Z"), steps, "Service desk", null, null);

        steps.add("Order a new printer");

        assertThat(plan.steps()).containsExactly("Replace the toner");
        assertThatThrownBy(() -> plan.steps().add("another")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Object> lifecycleEvents() {
        return Stream.of(IncidentEventExamples.issueAcknowledged(), IncidentEventExamples.serviceDisruptionAdmitted(),
                IncidentEventExamples.proactiveUpdateSent(), IncidentEventExamples.clientChasedUpdate(),
                IncidentEventExamples.miscommunicationRecorded(), IncidentEventExamples.actionPlanCompleted(),
                IncidentEventExamples.issueResolved(), IncidentEventExamples.resolutionConfirmed(),
                IncidentEventExamples.issueReopened(), IncidentEventExamples.responseTargetsSet(),
                IncidentEventExamples.responseTargetMissed(), IncidentEventExamples.proactiveUpdateOverdue(),
                IncidentEventExamples.expectationMet(), IncidentEventExamples.expectationMissed());
    }

    @ParameterizedTest
    @MethodSource("lifecycleEvents")
    void lifecycleEvent_matchesItsGoldenJson_andReadsBackFromIt(Object example) {
        GoldenJson.assertMatchesGolden(example);
    }

    @ParameterizedTest
    @MethodSource("lifecycleEvents")
    void lifecycleEvent_isStillRead_whenALaterVersionAddsFields(Object example) {
        GoldenJson.assertReadDespiteFieldsAddedLater(example);
    }

    @Test
    void resolutionConfirmed_readsNoChecks_asAnEmptyList_andRequiresTheVerdict() {
        ResolutionConfirmed withoutChecks = GoldenJson.example(ResolutionConfirmed.class).without("checks").value();
        assertThat(withoutChecks.checks()).isEmpty();
        assertThatThrownBy(() -> GoldenJson.example(ResolutionConfirmed.class).without("howCriteriaMet").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("howCriteriaMet");
    }

    @Test
    void issueAcknowledged_omitsTheNote_whenNoneWasGiven() {
        JsonNode written = GoldenJson.mapper().valueToTree(new IssueAcknowledged("northwind-it", "acme-dental", "issue-1",
                Instant.parse("2026-03-02T08:21:40Z"), "Priya Natarajan", null, null));

        assertThat(written.has("note")).isFalse();
        assertThat(written.has("source")).isFalse();
    }

    static Stream<Class<?>> eventsAPsaCanSource() {
        return Stream.of(IssueAcknowledged.class, ActionPlanIssued.class, ProactiveUpdateSent.class,
                IssueResolved.class, IssueReopened.class);
    }

    @ParameterizedTest
    @MethodSource("eventsAPsaCanSource")
    void anEventRecordedThroughTheApi_isReadWithoutASource_asBeforeTheSourceWasAdded(Class<?> type) {
        Object throughTheApi = GoldenJson.example(type).without("source").value();

        assertThat(throughTheApi).hasFieldOrPropertyWithValue("source", null);
        assertThat(GoldenJson.mapper().valueToTree(throughTheApi).has("source")).isFalse();
    }

    @Test
    void psaSource_namesTheToolAndItsTicket_andRequiresBoth() {
        JsonNode source = GoldenJson.example(IssueResolved.class).tree().get("source");

        assertThat(source.get("psa").asText()).isEqualTo("CONNECTWISE");
        assertThat(source.get("externalTicketId").asText()).isEqualTo("104233");
        assertThatThrownBy(() -> GoldenJson.example(IssueResolved.class).without("source.externalTicketId").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("externalTicketId");
        assertThatThrownBy(() -> GoldenJson.example(IssueResolved.class).with("source.psa", "SERVICENOW").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("SERVICENOW");
    }

    @Test
    void responseTargetsSet_writesTheCadence_asAnIso8601Duration() {
        JsonNode written = GoldenJson.mapper().valueToTree(IncidentEventExamples.responseTargetsSet());

        assertThat(written.get("updateEvery").asText()).isEqualTo("PT45M");
    }

    @Test
    void responseTargetsSet_isRejected_withoutACadence() {
        assertThatThrownBy(() -> GoldenJson.example(ResponseTargetsSet.class).without("updateEvery").value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("updateEvery");
    }

    @Test
    void expectationMissed_atTheDeadline_omitsResolvedAt_andNamesWhatWasMissed() {
        JsonNode written = GoldenJson.mapper().valueToTree(IncidentEventExamples.expectationMissed());

        assertThat(written.has("resolvedAt")).isFalse();
        assertThat(written.get("dimensions").get(0).asText()).isEqualTo("WHEN");
        assertThatThrownBy(() -> GoldenJson.example(ExpectationMissed.class).with("dimensions", List.of()).value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("dimensions");
    }

    @Test
    void deadlineEventTypes_areThePublishedNames() {
        assertThat(List.of(IncidentEventTypes.RESPONSE_TARGET_MISSED, IncidentEventTypes.PROACTIVE_UPDATE_OVERDUE,
                IncidentEventTypes.EXPECTATION_MET, IncidentEventTypes.EXPECTATION_MISSED)).containsExactly(
                "io.trustline.incident.ResponseTargetMissed.v1", "io.trustline.incident.ProactiveUpdateOverdue.v1",
                "io.trustline.incident.ExpectationMet.v1", "io.trustline.incident.ExpectationMissed.v1");
    }

    @Test
    void topicsAndEventTypes_areThePublishedNames() {
        assertThat(IncidentTopics.EVENTS).isEqualTo("trustline.incident.v1");
        assertThat(IncidentTopics.DEAD_LETTERS).isEqualTo("trustline.incident.v1.dlq");
        assertThat(IncidentEventTypes.INCIDENT_OPENED).isEqualTo("io.trustline.incident.IncidentOpened.v1");
        assertThat(IncidentEventTypes.ACTION_PLAN_ISSUED).isEqualTo("io.trustline.incident.ActionPlanIssued.v1");
        assertThat(List.of(IncidentEventTypes.ISSUE_ACKNOWLEDGED, IncidentEventTypes.ACTION_PLAN_COMPLETED,
                IncidentEventTypes.PROACTIVE_UPDATE_SENT, IncidentEventTypes.CLIENT_CHASED_UPDATE,
                IncidentEventTypes.SERVICE_DISRUPTION_ADMITTED, IncidentEventTypes.MISCOMMUNICATION_RECORDED,
                IncidentEventTypes.ISSUE_RESOLVED, IncidentEventTypes.RESOLUTION_CONFIRMED,
                IncidentEventTypes.ISSUE_REOPENED, IncidentEventTypes.RESPONSE_TARGETS_SET)).containsExactly(
                "io.trustline.incident.IssueAcknowledged.v1", "io.trustline.incident.ActionPlanCompleted.v1",
                "io.trustline.incident.ProactiveUpdateSent.v1", "io.trustline.incident.ClientChasedUpdate.v1",
                "io.trustline.incident.ServiceDisruptionAdmitted.v1", "io.trustline.incident.MiscommunicationRecorded.v1",
                "io.trustline.incident.IssueResolved.v1", "io.trustline.incident.ResolutionConfirmed.v1",
                "io.trustline.incident.IssueReopened.v1", "io.trustline.incident.ResponseTargetsSet.v1");
    }
}
