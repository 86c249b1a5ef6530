package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.ActionPlanCompleted;
import io.trustline.relationship.scoring.ClientEvent.ActionPlanIssued;
import io.trustline.relationship.scoring.ClientEvent.ExpectationMet;
import io.trustline.relationship.scoring.ClientEvent.ExpectationMissed;
import io.trustline.relationship.scoring.ClientEvent.ExpectationRevised;
import io.trustline.relationship.scoring.ClientEvent.ExpectationSet;
import io.trustline.relationship.scoring.ClientEvent.IssueAcknowledged;
import io.trustline.relationship.scoring.ClientEvent.IssueReopened;
import io.trustline.relationship.scoring.ClientEvent.IssueReported;
import io.trustline.relationship.scoring.ClientEvent.IssueResolved;
import io.trustline.relationship.scoring.ClientEvent.MeetingCadenceAgreed;
import io.trustline.relationship.scoring.ClientEvent.MeetingHeld;
import io.trustline.relationship.scoring.ClientEvent.MiscommunicationRecorded;
import io.trustline.relationship.scoring.ClientEvent.ProactiveUpdateSent;
import io.trustline.relationship.scoring.ClientEvent.ResolutionConfirmed;
import io.trustline.relationship.scoring.ClientEvent.ResponsePhase;
import io.trustline.relationship.scoring.ClientEvent.ResponseTargetMissed;
import io.trustline.relationship.scoring.ClientEvent.ServiceDisruptionAdmitted;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a replay knows about one client between two points.
 *
 * <p>This class is the only writer of its fields, which are private: the rules and the clock
 * read the state as it stood before the event and only add changes to the point. The facts of an
 * event are then kept by {@link #record}, one branch per event type; a score moves only through
 * {@link #changeTrust} and {@link #changeLoyalty}, and the sustained-trust window restarts only in
 * {@link #tickPassed}. So no rule can see another rule's half-applied update of the same event.
 *
 * <p>A replay keeps {@linkplain #snapshot snapshots} of the state to resume from later. A snapshot shares the
 * issues known so far with the state it was taken from; whichever of them changes a shared issue copies it first
 * (an issue belongs to the state whose {@link #owner} it carries), so a snapshot costs a map copy, not a copy of
 * every issue, and a resumed replay never changes the snapshot it started from.
 */
final class ClientState {

    private final ScoringModel model;
    private final Set<Class<? extends ClientEvent>> contactEvents;
    private final Instant relationshipStart;

    private double trust;
    private double loyalty;
    /** Lowest and highest trust since the last clock tick: "sustained" trust is judged on them. */
    private double trustLowSinceTick;
    private double trustHighSinceTick;

    private Instant lastContactAt;
    private Instant lastMeetingAt;
    private int meetingCadenceDays;

    private final Map<String, IssueState> issues;
    private final Deque<Instant> issueReports;
    private final Deque<Instant> misses;
    private Object owner = new Object();

    ClientState(ScoringModel model, Set<Class<? extends ClientEvent>> contactEvents, Instant firstEventAt) {
        this.model = model;
        this.contactEvents = contactEvents;
        this.relationshipStart = firstEventAt;
        this.lastContactAt = firstEventAt;
        this.trust = model.scores().start();
        this.loyalty = model.scores().start();
        this.trustLowSinceTick = trust;
        this.trustHighSinceTick = trust;
        this.meetingCadenceDays = model.contact().meetingCadenceDays();
        this.issues = new HashMap<>();
        this.issueReports = new ArrayDeque<>();
        this.misses = new ArrayDeque<>();
    }

    private ClientState(ClientState other) {
        this.model = other.model;
        this.contactEvents = other.contactEvents;
        this.relationshipStart = other.relationshipStart;
        this.trust = other.trust;
        this.loyalty = other.loyalty;
        this.trustLowSinceTick = other.trustLowSinceTick;
        this.trustHighSinceTick = other.trustHighSinceTick;
        this.lastContactAt = other.lastContactAt;
        this.lastMeetingAt = other.lastMeetingAt;
        this.meetingCadenceDays = other.meetingCadenceDays;
        this.issues = new HashMap<>(other.issues);
        this.issueReports = new ArrayDeque<>(other.issueReports);
        this.misses = new ArrayDeque<>(other.misses);
    }

    /** The state as it stands, to resume from later; this state goes on changing without touching it. */
    ClientState snapshot() {
        owner = new Object();
        return new ClientState(this);
    }

    /** A state to go on from this snapshot, which stays as it is. */
    ClientState resumed() {
        return new ClientState(this);
    }

    ScoringModel model() {
        return model;
    }

    Instant relationshipStart() {
        return relationshipStart;
    }

    double trust() {
        return trust;
    }

    double loyalty() {
        return loyalty;
    }

    double trustLowSinceTick() {
        return trustLowSinceTick;
    }

    double trustHighSinceTick() {
        return trustHighSinceTick;
    }

    Instant lastContactAt() {
        return lastContactAt;
    }

    Instant lastMeetingAt() {
        return lastMeetingAt;
    }

    int meetingCadenceDays() {
        return meetingCadenceDays;
    }

    Instant meetingDueAt() {
        Instant last = lastMeetingAt == null ? relationshipStart : lastMeetingAt;
        return last.plus(Duration.ofDays(meetingCadenceDays));
    }

    /** The issue as it stood before {@code event}; for an issue's first event, a fresh one reported then. */
    IssueState issue(ClientEvent.OfIssue event) {
        IssueState known = issues.get(event.issueId());
        return known != null ? known : new IssueState(event.occurredAt(), owner);
    }

    /** Issues first reported within {@code window} before {@code now}, not counting one reported at {@code now}. */
    int earlierIssueReportsWithin(Duration window, Instant now) {
        return countAfter(issueReports, now.minus(window));
    }

    /** Expectations missed within {@code window} before {@code now}, not counting one missed at {@code now}. */
    int earlierMissesWithin(Duration window, Instant now) {
        return countAfter(misses, now.minus(window));
    }

    /** Applies a change of trust, held within the model's scale; answers trust after it. */
    double changeTrust(double amount) {
        trust = clamp(trust + amount);
        trustLowSinceTick = Math.min(trustLowSinceTick, trust);
        trustHighSinceTick = Math.max(trustHighSinceTick, trust);
        return trust;
    }

    /** Applies a change of loyalty, held within the model's scale; answers loyalty after it. */
    double changeLoyalty(double amount) {
        loyalty = clamp(loyalty + amount);
        return loyalty;
    }

    /** A clock tick was scored: sustained trust is judged afresh from here. */
    void tickPassed() {
        trustLowSinceTick = trust;
        trustHighSinceTick = trust;
    }

    /** Keeps what the rules need to know later about {@code event}, once every rule has scored it. */
    void record(ClientEvent event) {
        Instant at = event.occurredAt();
        if (event instanceof ClientEvent.OfIssue ofIssue) {
            record(ofIssue, ownIssue(ofIssue.issueId(), at));
        } else if (event instanceof MeetingHeld) {
            lastMeetingAt = at;
        } else if (event instanceof MeetingCadenceAgreed cadence) {
            meetingCadenceDays = cadence.everyDays();
        }
        if (contactEvents.contains(event.getClass())) {
            lastContactAt = at;
        }
    }

    private void record(ClientEvent.OfIssue event, IssueState issue) {
        Instant at = event.occurredAt();
        if (event instanceof IssueReported) {
            if (!issue.reported) {
                issue.reported = true;
                remember(issueReports, at);
            }
        } else if (event instanceof ExpectationSet set) {
            issue.expectation = set;
            if (set.resolveBy() != null) {
                issue.resolveBy = set.resolveBy();
                issue.deadline = set.resolveBy();
            }
        } else if (event instanceof ExpectationRevised revised) {
            if (revised.newResolveBy() != null) {
                issue.resolveBy = revised.newResolveBy();
                issue.deadline = revised.newResolveBy();
            }
            if (issue.expectation != null && (revised.newScope() != null || revised.newImpact() != null)) {
                ExpectationSet set = issue.expectation;
                // the severity of a later miss follows the revised WHO x WHAT
                issue.expectation = new ExpectationSet(set.eventId(), set.occurredAt(), set.issueId(),
                        revised.newScope() != null ? revised.newScope() : set.scope(),
                        revised.newImpact() != null ? revised.newImpact() : set.impact(), issue.resolveBy);
            }
        } else if (event instanceof ClientEvent.ResponseTargetsSet targets) {
            issue.responseTargets = targets;
            issue.deadline = targets.resolveBy();
        } else if (event instanceof ResponseTargetMissed missed) {
            if (issue.missCosts(missed.phase())) {
                if (missed.phase() == ResponsePhase.ACKNOWLEDGE) {
                    issue.acknowledgeMissCharged = true;
                } else {
                    issue.planMissCharged = true;
                }
            }
        } else if (event instanceof IssueAcknowledged) {
            issue.acknowledged = true;
            issue.workStarted = true;
            issue.touchedByUs(at);
        } else if (event instanceof ActionPlanIssued) {
            issue.planIssued = true;
            issue.workStarted = true;
            issue.touchedByUs(at);
            if (issue.disruptionAt != null) {
                issue.disruptionPlanned = true;
            }
            issue.miscommunicationAt = null;
        } else if (event instanceof ProactiveUpdateSent) {
            if (issue.updateEarnsTrust(at, model)) {
                issue.rewardedUpdates++;
            }
            issue.touchedByUs(at);
        } else if (event instanceof ServiceDisruptionAdmitted disruption) {
            issue.disruptionDisclosedBy = disruption.disclosedBy();
            issue.disruptionAt = at;
            issue.disruptionPlanned = false;
            issue.disruptionFixed = false;
        } else if (event instanceof MiscommunicationRecorded) {
            issue.miscommunicationAt = at;
        } else if (event instanceof ActionPlanCompleted) {
            issue.planCompletionCounted = true;
        } else if (event instanceof IssueResolved) {
            issue.resolutionCounted = true;
            if (issue.disruptionPlanned) {
                issue.disruptionFixed = true;
            }
        } else if (event instanceof ExpectationMet) {
            issue.metCounted = true;
        } else if (event instanceof ExpectationMissed) {
            remember(misses, at);
        } else if (event instanceof ResolutionConfirmed confirmed) {
            if (confirmed.howCriteriaMet()) {
                issue.howCounted = true;
            }
        } else if (event instanceof IssueReopened) {
            issue.planCompletionCounted = false;
            issue.resolutionCounted = false;
            issue.metCounted = false;
            issue.howCounted = false;
        }
    }

    /** The issue to change in place: a new one, or a copy of one this state shares with a snapshot. */
    private IssueState ownIssue(String issueId, Instant seenAt) {
        IssueState issue = issues.get(issueId);
        if (issue == null || issue.owner != owner) {
            issue = issue == null ? new IssueState(seenAt, owner) : new IssueState(issue, owner);
            issues.put(issueId, issue);
        }
        return issue;
    }

    /** Adds {@code at}, forgetting what has left the chronic-pain window: histories replay in order. */
    private void remember(Deque<Instant> recent, Instant at) {
        recent.addLast(at);
        Instant from = at.minus(model.chronic().window());
        while (!recent.peekFirst().isAfter(from)) {
            recent.removeFirst();
        }
    }

    private static int countAfter(Deque<Instant> recent, Instant from) {
        int count = 0;
        for (Instant at : recent) {
            if (at.isAfter(from)) {
                count++;
            }
        }
        return count;
    }

    private double clamp(double score) {
        ScoringModel.Scores range = model.scores();
        return Math.max(range.min(), Math.min(range.max(), score));
    }

    /** One issue's handling so far. Written only by {@link ClientState#record}. */
    static final class IssueState {
        private final Object owner;
        private final Instant reportedAt;
        private boolean reported;
        private ExpectationSet expectation;
        private Instant resolveBy;
        /** The latest resolve-by: the client's, or the incident's target when it came later. */
        private Instant deadline;
        private ClientEvent.ResponseTargetsSet responseTargets;
        private boolean workStarted;
        private boolean acknowledged;
        private boolean planIssued;
        /** A missed target already cost the late weight; the late response itself then costs nothing more. */
        private boolean acknowledgeMissCharged;
        private boolean planMissCharged;
        /** The last moment the client heard from us about this issue (or the report): cadence runs from it. */
        private Instant lastTouchAt;
        private boolean heardFromUs;
        /** One-shot rewards, counted once per resolution; a reopen lets them count again. */
        private boolean planCompletionCounted;
        private boolean resolutionCounted;
        private boolean metCounted;
        private boolean howCounted;
        private int rewardedUpdates;
        private ClientEvent.Party disruptionDisclosedBy;
        private Instant disruptionAt;
        private boolean disruptionPlanned;
        private boolean disruptionFixed;
        private Instant miscommunicationAt;

        private IssueState(Instant seenAt, Object owner) {
            this.owner = owner;
            this.reportedAt = seenAt;
            this.lastTouchAt = seenAt;
        }

        private IssueState(IssueState other, Object owner) {
            this.owner = owner;
            this.reportedAt = other.reportedAt;
            this.reported = other.reported;
            this.expectation = other.expectation;
            this.resolveBy = other.resolveBy;
            this.deadline = other.deadline;
            this.responseTargets = other.responseTargets;
            this.workStarted = other.workStarted;
            this.acknowledged = other.acknowledged;
            this.planIssued = other.planIssued;
            this.acknowledgeMissCharged = other.acknowledgeMissCharged;
            this.planMissCharged = other.planMissCharged;
            this.lastTouchAt = other.lastTouchAt;
            this.heardFromUs = other.heardFromUs;
            this.planCompletionCounted = other.planCompletionCounted;
            this.resolutionCounted = other.resolutionCounted;
            this.metCounted = other.metCounted;
            this.howCounted = other.howCounted;
            this.rewardedUpdates = other.rewardedUpdates;
            this.disruptionDisclosedBy = other.disruptionDisclosedBy;
            this.disruptionAt = other.disruptionAt;
            this.disruptionPlanned = other.disruptionPlanned;
            this.disruptionFixed = other.disruptionFixed;
            this.miscommunicationAt = other.miscommunicationAt;
        }

        private void touchedByUs(Instant at) {
            lastTouchAt = at;
            heardFromUs = true;
        }

        Instant reportedAt() {
            return reportedAt;
        }

        boolean reported() {
            return reported;
        }

        boolean hasExpectation() {
            return expectation != null;
        }

        /** The client's deadline (the latest one agreed), or null. */
        Instant resolveBy() {
            return resolveBy;
        }

        boolean workStarted() {
            return workStarted;
        }

        boolean acknowledged() {
            return acknowledged;
        }

        boolean planIssued() {
            return planIssued;
        }

        /** Whether the first response of {@code phase} (an acknowledgement, an action plan) has come. */
        boolean responded(ResponsePhase phase) {
            return phase == ResponsePhase.ACKNOWLEDGE ? acknowledged : planIssued;
        }

        /** Whether a missed target of {@code phase} has already cost the late weight. */
        boolean missCharged(ResponsePhase phase) {
            return phase == ResponsePhase.ACKNOWLEDGE ? acknowledgeMissCharged : planMissCharged;
        }

        /**
         * Whether a missed target of {@code phase} costs trust now: still no response, no miss of it charged yet (a
         * second target of the same phase is silence already paid for), and not resolved meanwhile (nor would the
         * incident have recorded the miss). The rule charges it and {@link ClientState#record} remembers it.
         */
        boolean missCosts(ResponsePhase phase) {
            return !responded(phase) && !missCharged(phase) && !resolutionCounted;
        }

        Instant lastTouchAt() {
            return lastTouchAt;
        }

        boolean planCompletionCounted() {
            return planCompletionCounted;
        }

        boolean resolutionCounted() {
            return resolutionCounted;
        }

        boolean metCounted() {
            return metCounted;
        }

        boolean howCounted() {
            return howCounted;
        }

        int rewardedUpdates() {
            return rewardedUpdates;
        }

        ClientEvent.Party disruptionDisclosedBy() {
            return disruptionDisclosedBy;
        }

        Instant disruptionAt() {
            return disruptionAt;
        }

        boolean disruptionPlanned() {
            return disruptionPlanned;
        }

        boolean disruptionFixed() {
            return disruptionFixed;
        }

        Instant miscommunicationAt() {
            return miscommunicationAt;
        }

        /** Whether a proactive update at {@code at} comes within the update cadence since the client last heard from us. */
        boolean updateInCadence(Instant at, ScoringModel model) {
            return Duration.between(lastTouchAt, at).compareTo(updateEvery(model)) <= 0;
        }

        /** In cadence and under the per-issue cap: the rule rewards it and {@link ClientState#record} counts it. */
        boolean updateEarnsTrust(Instant at, ScoringModel model) {
            return updateInCadence(at, model) && rewardedUpdates < model.trust().rewardedUpdatesPerIssue();
        }

        /** "40 min after they last heard from us" or "40 min after the report, with no word from us yet". */
        String sinceLastHeard(Instant now) {
            String elapsed = Wording.duration(Duration.between(lastTouchAt, now));
            return heardFromUs ? elapsed + " after they last heard from us"
                    : elapsed + " after the report, with no word from us yet";
        }

        /** Acknowledge within this of the report: the incident's target when it has one, else the model's. */
        Duration acknowledgeTarget(ScoringModel model) {
            return responseTargets != null ? Duration.between(reportedAt, responseTargets.acknowledgeBy())
                    : targets(model).acknowledge();
        }

        /** Issue the action plan within this of the report: the incident's target when it has one, else the model's. */
        Duration actionPlanTarget(ScoringModel model) {
            return responseTargets != null ? Duration.between(reportedAt, responseTargets.planBy())
                    : targets(model).actionPlan();
        }

        Duration updateEvery(ScoringModel model) {
            return responseTargets != null ? responseTargets.updateEvery() : targets(model).updateEvery();
        }

        /** The latest resolve-by agreed or targeted, or the model's resolve target from the report. */
        Instant resolveDeadline(ScoringModel model) {
            return deadline != null ? deadline : reportedAt.plus(targets(model).resolve());
        }

        /** "the client's deadline", "the resolve-by target from the response policy v3" or "the resolution target". */
        String resolveDeadlineWording() {
            if (deadline == null) {
                return "the resolution target";
            }
            return deadline.equals(resolveBy) ? "the client's deadline" : "the resolve-by target " + sourceWording();
        }

        /** The model's table for the expectation; the incident's own targets come first where they exist. */
        ScoringModel.Targets targets(ScoringModel model) {
            return expectation == null
                    ? model.withoutExpectation()
                    : model.targetsFor(expectation.impact(), expectation.scope());
        }

        /** "for a STOPPED impact on EVERYONE" / "without agreed expectations". */
        String expectationWording() {
            return expectation == null
                    ? "without agreed expectations"
                    : "for a " + Wording.words(expectation.impact()) + " impact on " + Wording.words(expectation.scope());
        }

        /**
         * Where a target comes from: "from the response policy v3" (the incident's targets; v0 the built-in policy)
         * or "for a STOPPED impact on EVERYONE (model table)" / "without agreed expectations (model table)".
         */
        String sourceWording() {
            if (responseTargets != null) {
                return responseTargets.policyVersion() == 0 ? "from the built-in response policy (v0)"
                        : "from the response policy v" + responseTargets.policyVersion();
            }
            return expectationWording() + " (model table)";
        }

        /** "the target from the response policy v3"; without targets the miss still names the incident's. */
        String missedTargetWording() {
            return responseTargets != null ? "the target " + sourceWording() : "the incident's target";
        }

        /** "target from the response policy v3 is" / "target for a STOPPED impact on EVERYONE (model table) is". */
        String targetWording() {
            return "target " + sourceWording() + " is";
        }

        double severity(ScoringModel model) {
            return expectation == null ? 1.0 : model.severity().of(expectation.impact(), expectation.scope());
        }

        String severityWording(ScoringModel model) {
            return expectation == null
                    ? "an issue without agreed expectations (x1)"
                    : "a " + Wording.words(expectation.impact()) + " impact on " + Wording.words(expectation.scope())
                            + " (x" + Wording.number(severity(model)) + ")";
        }
    }
}
