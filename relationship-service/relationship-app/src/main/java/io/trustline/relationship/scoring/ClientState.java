package io.trustline.relationship.scoring;

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
        /** The last moment the client heard from us about this issue: update cadence runs from it. */
        Instant lastTouchAt;
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

        ScoringModel.Targets targets(ScoringModel model) {
            return expectation == null
                    ? model.withoutExpectation()
                    : model.targetsFor(expectation.impact(), expectation.scope());
        }

        /** "target for a STOPPED impact on EVERYONE is" / "target without agreed expectations is". */
        String targetWording() {
            return expectation == null
                    ? "target without agreed expectations is"
                    : "target for a " + Wording.words(expectation.impact()) + " impact on "
                            + Wording.words(expectation.scope()) + " is";
        }

        double severity(ScoringModel model) {
            return expectation == null ? 1.0 : model.severity().of(expectation.impact(), expectation.scope());
        }

        String severityWording(ScoringModel model) {
            return expectation == null
                    ? "no expectation on record (x1)"
                    : "a " + Wording.words(expectation.impact()) + " impact on " + Wording.words(expectation.scope())
                            + " (x" + Wording.number(severity(model)) + ")";
        }
    }
}
