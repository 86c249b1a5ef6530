package io.trustline.relationship.timeline;

import io.trustline.incident.api.ActionPlanCompleted;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.ClientChasedUpdate;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationMet;
import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
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
import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.ExpectationChanges;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.relationship.api.FeedbackReceived;
import io.trustline.relationship.api.MeetingCadenceAgreed;
import io.trustline.relationship.api.MeetingHeld;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.relationship.scoring.ClientEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The published events the scoring engine reads, each translated into its {@link ClientEvent}: one mapping per
 * CloudEvent type, reading the data as the producer's {@code *-api} record (which checks it). Types without a
 * mapping are not scored and are ignored: {@code IncidentOpened} mirrors {@code IssueReported}; {@code PsaTicketLinked}
 * is the provider's bookkeeping, which the client never sees and which says nothing about how the issue is handled;
 * {@code PsaTicketUpdated} reaches the timeline as the incident events the incident service records from it
 * (acknowledged, plan issued, resolved, update sent), and scoring it as well would count each milestone twice.
 */
final class CatalogEvents {

    /** An event's data, read as one of its producer's records. */
    @FunctionalInterface
    interface EventData {
        <T> T as(Class<T> record);
    }

    @FunctionalInterface
    private interface Translation {
        ClientEvent translate(String eventId, Instant occurredAt, EventData data);
    }

    private static final Map<String, Translation> INTAKE = Map.of(
            IntakeEventTypes.ISSUE_REPORTED, (id, at, data) ->
                    new ClientEvent.IssueReported(id, at, data.as(IssueReported.class).issueId()),
            IntakeEventTypes.EXPECTATION_SET, CatalogEvents::expectationSet,
            IntakeEventTypes.EXPECTATION_REVISED, CatalogEvents::expectationRevised,
            IntakeEventTypes.ADVANCE_NOTICE_GIVEN, CatalogEvents::advanceNoticeGiven,
            IntakeEventTypes.ADVANCE_NOTICE_FULFILLED, CatalogEvents::advanceNoticeFulfilled);

    private static final Map<String, Translation> INCIDENT = Map.ofEntries(
            Map.entry(IncidentEventTypes.RESPONSE_TARGETS_SET, CatalogEvents::responseTargetsSet),
            Map.entry(IncidentEventTypes.RESPONSE_TARGET_MISSED, CatalogEvents::responseTargetMissed),
            Map.entry(IncidentEventTypes.ISSUE_ACKNOWLEDGED, (id, at, data) ->
                    new ClientEvent.IssueAcknowledged(id, at, data.as(IssueAcknowledged.class).issueId())),
            Map.entry(IncidentEventTypes.ACTION_PLAN_ISSUED, (id, at, data) ->
                    new ClientEvent.ActionPlanIssued(id, at, data.as(ActionPlanIssued.class).issueId())),
            Map.entry(IncidentEventTypes.PROACTIVE_UPDATE_SENT, (id, at, data) ->
                    new ClientEvent.ProactiveUpdateSent(id, at, data.as(ProactiveUpdateSent.class).issueId())),
            Map.entry(IncidentEventTypes.CLIENT_CHASED_UPDATE, (id, at, data) ->
                    new ClientEvent.ClientChasedUpdate(id, at, data.as(ClientChasedUpdate.class).issueId())),
            Map.entry(IncidentEventTypes.PROACTIVE_UPDATE_OVERDUE, (id, at, data) ->
                    new ClientEvent.ProactiveUpdateOverdue(id, at, data.as(ProactiveUpdateOverdue.class).issueId())),
            Map.entry(IncidentEventTypes.SERVICE_DISRUPTION_ADMITTED, CatalogEvents::serviceDisruptionAdmitted),
            Map.entry(IncidentEventTypes.MISCOMMUNICATION_RECORDED, (id, at, data) ->
                    new ClientEvent.MiscommunicationRecorded(id, at, data.as(MiscommunicationRecorded.class).issueId())),
            Map.entry(IncidentEventTypes.ACTION_PLAN_COMPLETED, (id, at, data) ->
                    new ClientEvent.ActionPlanCompleted(id, at, data.as(ActionPlanCompleted.class).issueId())),
            Map.entry(IncidentEventTypes.ISSUE_RESOLVED, (id, at, data) ->
                    new ClientEvent.IssueResolved(id, at, data.as(IssueResolved.class).issueId())),
            Map.entry(IncidentEventTypes.RESOLUTION_CONFIRMED, CatalogEvents::resolutionConfirmed),
            Map.entry(IncidentEventTypes.ISSUE_REOPENED, (id, at, data) ->
                    new ClientEvent.IssueReopened(id, at, data.as(IssueReopened.class).issueId())),
            Map.entry(IncidentEventTypes.EXPECTATION_MET, (id, at, data) ->
                    new ClientEvent.ExpectationMet(id, at, data.as(ExpectationMet.class).issueId())),
            Map.entry(IncidentEventTypes.EXPECTATION_MISSED, (id, at, data) ->
                    new ClientEvent.ExpectationMissed(id, at, data.as(ExpectationMissed.class).issueId())));

    private static final Map<String, Translation> RELATIONSHIP = Map.of(
            RelationshipEventTypes.MEETING_HELD, (id, at, data) ->
                    new ClientEvent.MeetingHeld(id, at, data.as(MeetingHeld.class).faceToFace()),
            RelationshipEventTypes.MEETING_CADENCE_AGREED, (id, at, data) ->
                    new ClientEvent.MeetingCadenceAgreed(id, at, data.as(MeetingCadenceAgreed.class).everyDays()),
            RelationshipEventTypes.COMPETITOR_OFFER_DECLINED, (id, at, data) ->
                    new ClientEvent.CompetitorOfferDeclined(id, at),
            RelationshipEventTypes.CONTRACT_RENEWED, (id, at, data) -> new ClientEvent.ContractRenewed(id, at),
            RelationshipEventTypes.REFERRAL_GIVEN, (id, at, data) -> new ClientEvent.ReferralGiven(id, at),
            RelationshipEventTypes.GOODWILL_GESTURE, (id, at, data) -> new ClientEvent.GoodwillGesture(id, at),
            RelationshipEventTypes.FEEDBACK_RECEIVED, CatalogEvents::feedbackReceived);

    private static final Map<String, Map<String, Translation>> BY_TOPIC = Map.of(
            IntakeTopics.EVENTS, INTAKE,
            IncidentTopics.EVENTS, INCIDENT,
            RelationshipTopics.EVENTS, RELATIONSHIP);

    private static final Map<String, Translation> BY_TYPE = BY_TOPIC.values().stream()
            .flatMap(byType -> byType.entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private CatalogEvents() {
    }

    /** The topics whose events are scored. */
    static Set<String> topics() {
        return BY_TOPIC.keySet();
    }

    /** The CloudEvent types that are scored. */
    static Set<String> types() {
        return BY_TYPE.keySet();
    }

    /**
     * The engine's event for a published one, or empty for a type that is not scored.
     *
     * @param occurredAt the CloudEvent {@code time}
     */
    static Optional<ClientEvent> translate(String type, String eventId, Instant occurredAt, EventData data) {
        Translation translation = BY_TYPE.get(type);
        return translation == null ? Optional.empty() : Optional.of(translation.translate(eventId, occurredAt, data));
    }

    private static ClientEvent expectationSet(String id, Instant at, EventData data) {
        ExpectationSet set = data.as(ExpectationSet.class);
        Expectation expectation = set.expectation();
        return new ClientEvent.ExpectationSet(id, at, set.issueId(),
                ClientEvent.Scope.valueOf(expectation.who().scope().name()),
                ClientEvent.Impact.valueOf(expectation.what().impact().name()),
                expectation.when().resolveBy());
    }

    /** Only what the rules read: who asked, and the new deadline, scope and impact when those moved. */
    private static ClientEvent expectationRevised(String id, Instant at, EventData data) {
        ExpectationRevised revised = data.as(ExpectationRevised.class);
        ExpectationChanges changes = revised.changes();
        return new ClientEvent.ExpectationRevised(id, at, revised.issueId(),
                ClientEvent.Party.valueOf(revised.requestedBy().name()),
                changes.when() == null || changes.when().before().resolveBy().equals(changes.when().after().resolveBy())
                        ? null : changes.when().after().resolveBy(),
                changes.who() == null || changes.who().before().scope() == changes.who().after().scope()
                        ? null : ClientEvent.Scope.valueOf(changes.who().after().scope().name()),
                changes.what() == null || changes.what().before().impact() == changes.what().after().impact()
                        ? null : ClientEvent.Impact.valueOf(changes.what().after().impact().name()));
    }

    private static ClientEvent advanceNoticeGiven(String id, Instant at, EventData data) {
        AdvanceNoticeGiven given = data.as(AdvanceNoticeGiven.class);
        return new ClientEvent.AdvanceNoticeGiven(id, at, given.noticeId(), given.summary(), given.neededBy());
    }

    /** The notice's dates travel with the fulfilment; on time and lateness follow from them and the CloudEvent time. */
    private static ClientEvent advanceNoticeFulfilled(String id, Instant at, EventData data) {
        AdvanceNoticeFulfilled fulfilled = data.as(AdvanceNoticeFulfilled.class);
        return new ClientEvent.AdvanceNoticeFulfilled(id, at, fulfilled.noticeId(), fulfilled.summary(),
                fulfilled.givenAt(), fulfilled.neededBy());
    }

    private static ClientEvent responseTargetsSet(String id, Instant at, EventData data) {
        ResponseTargetsSet targets = data.as(ResponseTargetsSet.class);
        return new ClientEvent.ResponseTargetsSet(id, at, targets.issueId(), targets.acknowledgeBy(), targets.planBy(),
                targets.updateEvery(), targets.resolveBy(), targets.policyVersion());
    }

    private static ClientEvent responseTargetMissed(String id, Instant at, EventData data) {
        ResponseTargetMissed missed = data.as(ResponseTargetMissed.class);
        return new ClientEvent.ResponseTargetMissed(id, at, missed.issueId(),
                ClientEvent.ResponsePhase.valueOf(missed.phase().name()));
    }

    private static ClientEvent feedbackReceived(String id, Instant at, EventData data) {
        FeedbackReceived feedback = data.as(FeedbackReceived.class);
        return new ClientEvent.FeedbackReceived(id, at, feedback.csat(), feedback.nps());
    }

    private static ClientEvent serviceDisruptionAdmitted(String id, Instant at, EventData data) {
        ServiceDisruptionAdmitted admitted = data.as(ServiceDisruptionAdmitted.class);
        ClientEvent.Party disclosedBy = admitted.discovery() == Discovery.DISCLOSED_BY_PROVIDER
                ? ClientEvent.Party.PROVIDER : ClientEvent.Party.CLIENT;
        return new ClientEvent.ServiceDisruptionAdmitted(id, at, admitted.issueId(), disclosedBy);
    }

    private static ClientEvent resolutionConfirmed(String id, Instant at, EventData data) {
        ResolutionConfirmed confirmed = data.as(ResolutionConfirmed.class);
        return new ClientEvent.ResolutionConfirmed(id, at, confirmed.issueId(), confirmed.howCriteriaMet());
    }
}
