package io.trustline.relationship.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.incident.api.ActionPlanCompleted;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.ClientChasedUpdate;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationMet;
import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentOpened;
import io.trustline.incident.api.IssueAcknowledged;
import io.trustline.incident.api.IssueReopened;
import io.trustline.incident.api.IssueResolved;
import io.trustline.incident.api.MiscommunicationRecorded;
import io.trustline.incident.api.ProactiveUpdateOverdue;
import io.trustline.incident.api.ProactiveUpdateSent;
import io.trustline.incident.api.ResolutionConfirmed;
import io.trustline.incident.api.ResponseTargetMissed;
import io.trustline.incident.api.ResponseTargetsSet;
import io.trustline.incident.api.ServiceDisruptionAdmitted;
import io.trustline.intake.api.AdvanceNoticeFulfilled;
import io.trustline.intake.api.AdvanceNoticeGiven;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IssueReported;
import io.trustline.relationship.api.CompetitorOfferDeclined;
import io.trustline.relationship.api.ContractRenewed;
import io.trustline.relationship.api.FeedbackReceived;
import io.trustline.relationship.api.GoodwillGesture;
import io.trustline.relationship.api.MeetingCadenceAgreed;
import io.trustline.relationship.api.MeetingHeld;
import io.trustline.relationship.api.ReferralGiven;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each scored type of the intake and incident catalogs, read from its producer's golden example. */
class CatalogEventsTest {

    private static final String EVENT_ID = "0195a3c2-0000-7000-8000-000000000001";
    private static final Instant TIME = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ISSUE = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";
    private static final String NOTICE = "0195a7f0-1c2d-7e3f-8a4b-5c6d7e8f9a01";

    @Test
    void issueReported_isTheIssuesFirstEvent() {
        assertThat(translated(IntakeEventTypes.ISSUE_REPORTED, GoldenJson.example(IssueReported.class)))
                .isEqualTo(new ClientEvent.IssueReported(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void expectationSet_keepsWhoWhatAndWhen() {
        assertThat(translated(IntakeEventTypes.EXPECTATION_SET, GoldenJson.example(ExpectationSet.class)))
                .isEqualTo(new ClientEvent.ExpectationSet(EVENT_ID, TIME, ISSUE, ClientEvent.Scope.EVERYONE,
                        ClientEvent.Impact.STOPPED, Instant.parse("2026-03-03T12:00:00Z")));
    }

    @Test
    void expectationRevised_keepsWhoAskedAndTheNewDeadline() {
        assertThat(translated(IntakeEventTypes.EXPECTATION_REVISED, GoldenJson.example(ExpectationRevised.class)))
                .isEqualTo(new ClientEvent.ExpectationRevised(EVENT_ID, TIME, ISSUE, ClientEvent.Party.PROVIDER,
                        Instant.parse("2026-03-04T12:00:00Z"), null, null));
    }

    @Test
    void expectationRevised_keepsANewScopeAndImpact_andNoDeadlineWhenWhenDidNotMove() {
        GoldenExample<ExpectationRevised> fewerStopped = GoldenJson.example(ExpectationRevised.class)
                .without("changes.when").without("changes.where")
                .with("changes.who", java.util.Map.of("before", java.util.Map.of("scope", "EVERYONE"),
                        "after", java.util.Map.of("scope", "TEAM")))
                .with("changes.what", java.util.Map.of("before", java.util.Map.of("impact", "STOPPED"),
                        "after", java.util.Map.of("impact", "DEGRADED")))
                .with("requestedBy", "CLIENT");

        assertThat(translated(IntakeEventTypes.EXPECTATION_REVISED, fewerStopped))
                .isEqualTo(new ClientEvent.ExpectationRevised(EVENT_ID, TIME, ISSUE, ClientEvent.Party.CLIENT, null,
                        ClientEvent.Scope.TEAM, ClientEvent.Impact.DEGRADED));
    }

    @Test
    void psaTicketLinked_isNotScored() {
        assertThat(translate(IntakeEventTypes.PSA_TICKET_LINKED,
                GoldenJson.example(io.trustline.intake.api.PsaTicketLinked.class))).isEmpty();
    }

    @Test
    void advanceNoticeGiven_keepsWhatIsComingAndWhenItIsNeeded() {
        assertThat(translated(IntakeEventTypes.ADVANCE_NOTICE_GIVEN, GoldenJson.example(AdvanceNoticeGiven.class)))
                .isEqualTo(new ClientEvent.AdvanceNoticeGiven(EVENT_ID, TIME, NOTICE,
                        "new hire starts Monday: laptop, accounts and a desk phone", Instant.parse("2026-03-09T08:00:00Z")));
    }

    @Test
    void advanceNoticeFulfilled_keepsTheNoticesDates_soItIsJudgedOnItsOwn() {
        ClientEvent fulfilled = translated(IntakeEventTypes.ADVANCE_NOTICE_FULFILLED,
                GoldenJson.example(AdvanceNoticeFulfilled.class));

        assertThat(fulfilled).isEqualTo(new ClientEvent.AdvanceNoticeFulfilled(EVENT_ID, TIME, NOTICE,
                "new hire starts Monday: laptop, accounts and a desk phone", Instant.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-09T08:00:00Z")));
        assertThat(((ClientEvent.AdvanceNoticeFulfilled) fulfilled).leadTime()).isEqualTo(Duration.ofHours(143));
    }

    @Test
    void responseTargetsSet_keepsEveryDeadlineAndThePolicyVersion() {
        assertThat(translated(IncidentEventTypes.RESPONSE_TARGETS_SET, GoldenJson.example(ResponseTargetsSet.class)))
                .isEqualTo(new ClientEvent.ResponseTargetsSet(EVENT_ID, TIME, ISSUE,
                        Instant.parse("2026-03-02T08:30:02.418Z"), Instant.parse("2026-03-02T09:15:02.418Z"),
                        Duration.ofMinutes(45), Instant.parse("2026-03-03T12:00:00Z"), 3));
    }

    @Test
    void issueAcknowledged() {
        assertThat(translated(IncidentEventTypes.ISSUE_ACKNOWLEDGED, GoldenJson.example(IssueAcknowledged.class)))
                .isEqualTo(new ClientEvent.IssueAcknowledged(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void actionPlanIssued() {
        assertThat(translated(IncidentEventTypes.ACTION_PLAN_ISSUED, GoldenJson.example(ActionPlanIssued.class)))
                .isEqualTo(new ClientEvent.ActionPlanIssued(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void proactiveUpdateSent() {
        assertThat(translated(IncidentEventTypes.PROACTIVE_UPDATE_SENT, GoldenJson.example(ProactiveUpdateSent.class)))
                .isEqualTo(new ClientEvent.ProactiveUpdateSent(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void clientChasedUpdate() {
        assertThat(translated(IncidentEventTypes.CLIENT_CHASED_UPDATE, GoldenJson.example(ClientChasedUpdate.class)))
                .isEqualTo(new ClientEvent.ClientChasedUpdate(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void proactiveUpdateOverdue() {
        assertThat(translated(IncidentEventTypes.PROACTIVE_UPDATE_OVERDUE, GoldenJson.example(ProactiveUpdateOverdue.class)))
                .isEqualTo(new ClientEvent.ProactiveUpdateOverdue(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void serviceDisruptionAdmitted_disclosedByTheProvider_isAdmitted() {
        assertThat(translated(IncidentEventTypes.SERVICE_DISRUPTION_ADMITTED,
                GoldenJson.example(ServiceDisruptionAdmitted.class).with("discovery", Discovery.DISCLOSED_BY_PROVIDER)))
                .isEqualTo(new ClientEvent.ServiceDisruptionAdmitted(EVENT_ID, TIME, ISSUE, ClientEvent.Party.PROVIDER));
    }

    @Test
    void serviceDisruptionAdmitted_discoveredByTheClient_isDiscovered() {
        assertThat(translated(IncidentEventTypes.SERVICE_DISRUPTION_ADMITTED,
                GoldenJson.example(ServiceDisruptionAdmitted.class).with("discovery", Discovery.DISCOVERED_BY_CLIENT)))
                .isEqualTo(new ClientEvent.ServiceDisruptionAdmitted(EVENT_ID, TIME, ISSUE, ClientEvent.Party.CLIENT));
    }

    @Test
    void miscommunicationRecorded() {
        assertThat(translated(IncidentEventTypes.MISCOMMUNICATION_RECORDED, GoldenJson.example(MiscommunicationRecorded.class)))
                .isEqualTo(new ClientEvent.MiscommunicationRecorded(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void actionPlanCompleted() {
        assertThat(translated(IncidentEventTypes.ACTION_PLAN_COMPLETED, GoldenJson.example(ActionPlanCompleted.class)))
                .isEqualTo(new ClientEvent.ActionPlanCompleted(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void issueResolved() {
        assertThat(translated(IncidentEventTypes.ISSUE_RESOLVED, GoldenJson.example(IssueResolved.class)))
                .isEqualTo(new ClientEvent.IssueResolved(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void resolutionConfirmed_keepsTheClientsVerdictOnTheHow() {
        assertThat(translated(IncidentEventTypes.RESOLUTION_CONFIRMED, GoldenJson.example(ResolutionConfirmed.class)))
                .isEqualTo(new ClientEvent.ResolutionConfirmed(EVENT_ID, TIME, ISSUE, true));
        assertThat(translated(IncidentEventTypes.RESOLUTION_CONFIRMED,
                GoldenJson.example(ResolutionConfirmed.class).with("howCriteriaMet", false)))
                .isEqualTo(new ClientEvent.ResolutionConfirmed(EVENT_ID, TIME, ISSUE, false));
    }

    @Test
    void issueReopened() {
        assertThat(translated(IncidentEventTypes.ISSUE_REOPENED, GoldenJson.example(IssueReopened.class)))
                .isEqualTo(new ClientEvent.IssueReopened(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void expectationMet() {
        assertThat(translated(IncidentEventTypes.EXPECTATION_MET, GoldenJson.example(ExpectationMet.class)))
                .isEqualTo(new ClientEvent.ExpectationMet(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void expectationMissed() {
        assertThat(translated(IncidentEventTypes.EXPECTATION_MISSED, GoldenJson.example(ExpectationMissed.class)))
                .isEqualTo(new ClientEvent.ExpectationMissed(EVENT_ID, TIME, ISSUE));
    }

    @Test
    void responseTargetMissed() {
        GoldenExample<ResponseTargetMissed> example = GoldenJson.example(ResponseTargetMissed.class);
        assertThat(translated(IncidentEventTypes.RESPONSE_TARGET_MISSED, example))
                .isEqualTo(new ClientEvent.ResponseTargetMissed(EVENT_ID, TIME, ISSUE,
                        ClientEvent.ResponsePhase.valueOf(example.text("phase"))));
    }

    @Test
    void incidentOpened_isNotScored() {
        assertThat(translate(IncidentEventTypes.INCIDENT_OPENED, GoldenJson.example(IncidentOpened.class))).isEmpty();
    }

    @Test
    void meetingHeld() {
        assertThat(translated(RelationshipEventTypes.MEETING_HELD, GoldenJson.example(MeetingHeld.class)))
                .isEqualTo(new ClientEvent.MeetingHeld(EVENT_ID, TIME, true));
    }

    @Test
    void meetingCadenceAgreed() {
        assertThat(translated(RelationshipEventTypes.MEETING_CADENCE_AGREED, GoldenJson.example(MeetingCadenceAgreed.class)))
                .isEqualTo(new ClientEvent.MeetingCadenceAgreed(EVENT_ID, TIME, 30));
    }

    @Test
    void competitorOfferDeclined_contractRenewed_referralGiven_goodwillGesture() {
        assertThat(translated(RelationshipEventTypes.COMPETITOR_OFFER_DECLINED,
                GoldenJson.example(CompetitorOfferDeclined.class)))
                .isEqualTo(new ClientEvent.CompetitorOfferDeclined(EVENT_ID, TIME));
        assertThat(translated(RelationshipEventTypes.CONTRACT_RENEWED, GoldenJson.example(ContractRenewed.class)))
                .isEqualTo(new ClientEvent.ContractRenewed(EVENT_ID, TIME));
        assertThat(translated(RelationshipEventTypes.REFERRAL_GIVEN, GoldenJson.example(ReferralGiven.class)))
                .isEqualTo(new ClientEvent.ReferralGiven(EVENT_ID, TIME));
        assertThat(translated(RelationshipEventTypes.GOODWILL_GESTURE, GoldenJson.example(GoodwillGesture.class)))
                .isEqualTo(new ClientEvent.GoodwillGesture(EVENT_ID, TIME));
    }

    @Test
    void feedbackReceived() {
        assertThat(translated(RelationshipEventTypes.FEEDBACK_RECEIVED, GoldenJson.example(FeedbackReceived.class)))
                .isEqualTo(new ClientEvent.FeedbackReceived(EVENT_ID, TIME, 4, null));
    }

    @Test
    void anUnknownType_isIgnored() {
        assertThat(translate("io.trustline.intake.SomethingNew.v1", GoldenJson.example(IssueReported.class))).isEmpty();
    }

    @Test
    void everyTypeTheProducersPublish_isScoredOrDeliberatelyLeftOut() {
        Set<String> published = new HashSet<>(constants(IntakeEventTypes.class));
        published.addAll(constants(IncidentEventTypes.class));
        published.addAll(constants(RelationshipEventTypes.class));
        // IncidentOpened mirrors IssueReported; the derived events are this service's own output, not scoring input
        Set<String> leftOut = new HashSet<>(RelationshipEventTypes.DERIVED);
        leftOut.add(IncidentEventTypes.INCIDENT_OPENED);
        // linking a PSA ticket is the provider's bookkeeping: the client never sees it, it tells nothing of the handling
        leftOut.add(IntakeEventTypes.PSA_TICKET_LINKED);
        // a PSA ticket's milestones reach the timeline as the incident events they become; scoring both counts twice
        leftOut.add(IntakeEventTypes.PSA_TICKET_UPDATED);

        Set<String> accounted = new HashSet<>(CatalogEvents.types());
        accounted.addAll(leftOut);
        assertThat(accounted).isEqualTo(published);
        assertThat(CatalogEvents.types()).doesNotContainAnyElementsOf(leftOut);
    }

    private static ClientEvent translated(String type, GoldenExample<?> example) {
        return translate(type, example).orElseThrow();
    }

    private static Optional<ClientEvent> translate(String type, GoldenExample<?> example) {
        return CatalogEvents.translate(type, EVENT_ID, TIME, GoldenEventData.of(example));
    }

    private static Set<String> constants(Class<?> types) {
        return Arrays.stream(types.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(CatalogEventsTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
