package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** What a replay knows about one client between two points. Lives for one computation only. */
final class ClientState {

    final ScoringModel model;
    double trust;
    double loyalty;
    /** Lowest and highest trust since the last clock tick: "sustained" trust is judged on them. */
    double trustLowSinceTick;
    double trustHighSinceTick;

    Instant relationshipStart;
    Instant lastContactAt;
    Instant lastMeetingAt;
    int meetingCadenceDays;

    final Map<String, IssueState> issues = new HashMap<>();
    final Deque<Instant> recentIssueReports = new ArrayDeque<>();
    final Deque<Instant> recentMisses = new ArrayDeque<>();

    ClientState(ScoringModel model) {
        this.model = model;
        this.trust = model.scores().start();
        this.loyalty = model.scores().start();
        this.trustLowSinceTick = trust;
        this.trustHighSinceTick = trust;
        this.meetingCadenceDays = model.contact().meetingCadenceDays();
    }

    void begin(Instant firstEventAt) {
        relationshipStart = firstEventAt;
        lastContactAt = firstEventAt;
    }

    IssueState issue(String issueId, Instant seenAt) {
        return issues.computeIfAbsent(issueId, id -> new IssueState(seenAt));
    }

    Instant meetingDueAt() {
        Instant last = lastMeetingAt == null ? relationshipStart : lastMeetingAt;
        return last.plus(Duration.ofDays(meetingCadenceDays));
    }

    /** How many of {@code recent} fall within the window ending at {@code now}, after adding now. */
    static int countInWindow(Deque<Instant> recent, Instant now, Duration window) {
        recent.addLast(now);
        Instant from = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(from)) {
            recent.removeFirst();
        }
        return recent.size();
    }

    /** One issue's handling so far. */
    static final class IssueState {
        Instant reportedAt;
        boolean reported;
        ClientEvent.ExpectationSet expectation;
        Instant resolveBy;
        boolean workStarted;
        boolean acknowledged;
        boolean planIssued;
        /** The last moment the client heard from us about this issue (or the report): cadence runs from it. */
        Instant lastTouchAt;
        boolean heardFromUs;
        /** One-shot rewards, counted once per resolution; a reopen lets them count again. */
        boolean planCompletionCounted;
        boolean resolutionCounted;
        boolean metCounted;
        boolean howCounted;
        int rewardedUpdates;
        ClientEvent.Party disruptionDisclosedBy;
        Instant disruptionAt;
        boolean disruptionPlanned;
        boolean disruptionFixed;
        Instant miscommunicationAt;

        IssueState(Instant seenAt) {
            this.reportedAt = seenAt;
            this.lastTouchAt = seenAt;
        }

        void touchedByUs(Instant at) {
            lastTouchAt = at;
            heardFromUs = true;
        }

        /** "40 min after they last heard from us" or "40 min after the report, with no word from us yet". */
        String sinceLastHeard(Instant now) {
            String elapsed = Wording.duration(java.time.Duration.between(lastTouchAt, now));
            return heardFromUs ? elapsed + " after they last heard from us"
                    : elapsed + " after the report, with no word from us yet";
        }

        void reopened() {
            planCompletionCounted = false;
            resolutionCounted = false;
            metCounted = false;
            howCounted = false;
        }

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

        /** "target for a STOPPED impact on EVERYONE is" / "target without agreed expectations is". */
        String targetWording() {
            return "target " + expectationWording() + " is";
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
