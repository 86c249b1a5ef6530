package io.trustline.relationship.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fact about one client that the scoring engine reads. These records are the engine's own input,
 * independent of the Kafka contracts: whoever feeds the engine (the live projection, a replay, a
 * test) translates the published events into them, keeping only what the model scores.
 */
public sealed interface ClientEvent {

    /** The id of the event as published; a redelivered event has the same id and counts once. */
    String eventId();

    /** When it happened in the world (the CloudEvent {@code time}), not when it was received. */
    Instant occurredAt();

    /** The catalog name of the event, as a person reads it on a timeline. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Every event type by its catalog name, the name a model file uses (its contact events): the
     * one place a name becomes a type, so the engine itself decides by type alone.
     */
    static Map<String, Class<? extends ClientEvent>> typesByName() {
        return Arrays.stream(ClientEvent.class.getPermittedSubclasses())
                .flatMap(type -> type.isInterface() ? Arrays.stream(type.getPermittedSubclasses()) : Stream.of(type))
                .map(type -> type.asSubclass(ClientEvent.class))
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }

    /** Events that belong to one reported issue. */
    sealed interface OfIssue extends ClientEvent {
        String issueId();
    }

    enum Scope { ONE_PERSON, TEAM, SITE, EVERYONE }

    enum Impact { INTERMITTENT, DEGRADED, STOPPED }

    enum Party { PROVIDER, CLIENT }

    /** The first two responses an issue is timed on: an acknowledgement, then an action plan. */
    enum ResponsePhase { ACKNOWLEDGE, PLAN }

    record IssueReported(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public IssueReported {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    /** The WHO (scope), WHAT (impact) and WHEN (resolveBy, may be null) of seed 001. */
    record ExpectationSet(String eventId, Instant occurredAt, String issueId,
                          Scope scope, Impact impact, Instant resolveBy) implements OfIssue {
        public ExpectationSet {
            requireIds(eventId, occurredAt, issueId);
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(impact, "impact");
        }
    }

    /**
     * Who asked to move the expectation, and what moved: the new deadline, scope and impact, each null when that
     * part did not change (only the WHERE or HOW changed, say). A later miss is weighed on the revised WHO x WHAT.
     */
    record ExpectationRevised(String eventId, Instant occurredAt, String issueId, Party requestedBy,
                              Instant newResolveBy, Scope newScope, Impact newImpact) implements OfIssue {
        public ExpectationRevised {
            requireIds(eventId, occurredAt, issueId);
            Objects.requireNonNull(requestedBy, "requestedBy");
        }

        /** A revision of the deadline alone (or of neither deadline, scope nor impact, when null). */
        public ExpectationRevised(String eventId, Instant occurredAt, String issueId, Party requestedBy,
                                  Instant newResolveBy) {
            this(eventId, occurredAt, issueId, requestedBy, newResolveBy, null, null);
        }
    }

    /**
     * The deadlines the incident holds the issue to, from the provider's response policy ({@code policyVersion}, 0 the
     * built-in) and the client's own resolveBy when given. When an issue has them, the acknowledge, action-plan,
     * update-cadence and resolve rules judge against these instead of the model's table.
     */
    record ResponseTargetsSet(String eventId, Instant occurredAt, String issueId, Instant acknowledgeBy, Instant planBy,
                              Duration updateEvery, Instant resolveBy, int policyVersion) implements OfIssue {
        public ResponseTargetsSet {
            requireIds(eventId, occurredAt, issueId);
            Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
            Objects.requireNonNull(planBy, "planBy");
            Objects.requireNonNull(updateEvery, "updateEvery");
            Objects.requireNonNull(resolveBy, "resolveBy");
        }
    }

    /**
     * The {@code phase}'s target passed with no response; {@code occurredAt} is the target instant itself (when the
     * silence began to cost), not when the incident noticed it.
     */
    record ResponseTargetMissed(String eventId, Instant occurredAt, String issueId, ResponsePhase phase)
            implements OfIssue {
        public ResponseTargetMissed {
            requireIds(eventId, occurredAt, issueId);
            Objects.requireNonNull(phase, "phase");
        }
    }

    record IssueAcknowledged(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public IssueAcknowledged {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ActionPlanIssued(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ActionPlanIssued {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ProactiveUpdateSent(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ProactiveUpdateSent {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ClientChasedUpdate(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ClientChasedUpdate {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ProactiveUpdateOverdue(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ProactiveUpdateOverdue {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    /** {@code disclosedBy} PROVIDER: we admitted it; CLIENT: the client discovered it. */
    record ServiceDisruptionAdmitted(String eventId, Instant occurredAt, String issueId,
                                     Party disclosedBy) implements OfIssue {
        public ServiceDisruptionAdmitted {
            requireIds(eventId, occurredAt, issueId);
            Objects.requireNonNull(disclosedBy, "disclosedBy");
        }
    }

    record MiscommunicationRecorded(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public MiscommunicationRecorded {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ActionPlanCompleted(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ActionPlanCompleted {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record IssueResolved(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public IssueResolved {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    /** The client's verdict on the HOW of seed 001: are their own criteria for "resolved" met? */
    record ResolutionConfirmed(String eventId, Instant occurredAt, String issueId,
                               boolean howCriteriaMet) implements OfIssue {
        public ResolutionConfirmed {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record IssueReopened(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public IssueReopened {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ExpectationMet(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ExpectationMet {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record ExpectationMissed(String eventId, Instant occurredAt, String issueId) implements OfIssue {
        public ExpectationMissed {
            requireIds(eventId, occurredAt, issueId);
        }
    }

    record MeetingHeld(String eventId, Instant occurredAt, boolean faceToFace) implements ClientEvent {
        public MeetingHeld {
            requireIds(eventId, occurredAt);
        }
    }

    /** How often this client wants a review meeting; until agreed the model's default applies. */
    record MeetingCadenceAgreed(String eventId, Instant occurredAt, int everyDays) implements ClientEvent {
        public MeetingCadenceAgreed {
            requireIds(eventId, occurredAt);
            if (everyDays < 1) {
                throw new IllegalArgumentException("everyDays must be at least 1, was " + everyDays);
            }
        }
    }

    record CompetitorOfferDeclined(String eventId, Instant occurredAt) implements ClientEvent {
        public CompetitorOfferDeclined {
            requireIds(eventId, occurredAt);
        }
    }

    record ContractRenewed(String eventId, Instant occurredAt) implements ClientEvent {
        public ContractRenewed {
            requireIds(eventId, occurredAt);
        }
    }

    record ReferralGiven(String eventId, Instant occurredAt) implements ClientEvent {
        public ReferralGiven {
            requireIds(eventId, occurredAt);
        }
    }

    record GoodwillGesture(String eventId, Instant occurredAt) implements ClientEvent {
        public GoodwillGesture {
            requireIds(eventId, occurredAt);
        }
    }

    /** CSAT 1–5 and NPS 0–10; either may be null, not both. */
    record FeedbackReceived(String eventId, Instant occurredAt, Integer csat, Integer nps) implements ClientEvent {
        public FeedbackReceived {
            requireIds(eventId, occurredAt);
            if (csat == null && nps == null) {
                throw new IllegalArgumentException("feedback needs a csat or an nps");
            }
            if (csat != null && (csat < 1 || csat > 5)) {
                throw new IllegalArgumentException("csat must be 1–5, was " + csat);
            }
            if (nps != null && (nps < 0 || nps > 10)) {
                throw new IllegalArgumentException("nps must be 0–10, was " + nps);
            }
        }
    }

    /**
     * Seed 001: the client told us ahead of time what is coming ({@code summary}) and when it must be ready. Scored
     * when it is fulfilled; the notice itself is on the timeline as the moment it was given.
     */
    record AdvanceNoticeGiven(String eventId, Instant occurredAt, String noticeId, String summary, Instant neededBy)
            implements ClientEvent {
        public AdvanceNoticeGiven {
            requireIds(eventId, occurredAt);
            Objects.requireNonNull(noticeId, "noticeId");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(neededBy, "neededBy");
        }
    }

    /**
     * What an advance notice announced was delivered at {@code occurredAt}; it repeats when the notice was given and
     * when it was needed, so it is judged on its own: the lead time the client gave us, and whether we kept the date.
     */
    record AdvanceNoticeFulfilled(String eventId, Instant occurredAt, String noticeId, String summary, Instant givenAt,
                                  Instant neededBy) implements ClientEvent {
        public AdvanceNoticeFulfilled {
            requireIds(eventId, occurredAt);
            Objects.requireNonNull(noticeId, "noticeId");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(givenAt, "givenAt");
            Objects.requireNonNull(neededBy, "neededBy");
        }

        /** How far ahead the client gave notice. */
        public Duration leadTime() {
            return Duration.between(givenAt, neededBy);
        }

        /** Delivered at or before the moment it was needed. */
        public boolean onTime() {
            return !occurredAt().isAfter(neededBy);
        }
    }

    private static void requireIds(String eventId, Instant occurredAt, String issueId) {
        requireIds(eventId, occurredAt);
        Objects.requireNonNull(issueId, "issueId");
    }

    private static void requireIds(String eventId, Instant occurredAt) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
