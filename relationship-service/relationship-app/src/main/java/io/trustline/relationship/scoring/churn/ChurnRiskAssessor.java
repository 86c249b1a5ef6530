package io.trustline.relationship.scoring.churn;

import io.trustline.relationship.scoring.ClientEvent.ClientChasedUpdate;
import io.trustline.relationship.scoring.ClientEvent.ExpectationMissed;
import io.trustline.relationship.scoring.ClientEvent.MeetingHeld;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.churn.ChurnCause.Kind;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a timeline for the signals of seed 002 ("they just leave"): an overdue meeting, falling
 * trust, repeated misses, a client who has to chase, low loyalty, and the stuck relationship of
 * seed 003. Each cause names the points behind it; the level is the sum of the causes' weights.
 */
public final class ChurnRiskAssessor {

    private static final int MAX_EVIDENCE = 10;

    private final ScoringModel model;
    private final ScoringModel.ChurnRiskRules rules;

    public ChurnRiskAssessor(ScoringModel model) {
        this.model = model;
        this.rules = model.churnRisk();
    }

    public ChurnRisk assess(Timeline timeline, Instant asOf) {
        Timeline known = timeline.upTo(asOf);
        List<TimelinePoint> points = known.points();
        if (points.isEmpty()) {
            return new ChurnRisk(asOf, ChurnRisk.Level.NONE, List.of());
        }
        Instant windowStart = asOf.minus(rules.window());
        List<TimelinePoint> recent = points.stream().filter(p -> p.occurredAt().isAfter(windowStart)).toList();
        List<ChurnCause> causes = new ArrayList<>();
        meetingOverdue(points, asOf, causes);
        trustDrop(known, windowStart, recent, causes);
        repeated(recent, ExpectationMissed.class, rules.missedExpectations(), Kind.REPEATED_MISSES,
                " expectations missed in " + rules.windowDays() + " days", causes);
        repeated(recent, ClientChasedUpdate.class, rules.clientChases(), Kind.CLIENT_CHASING,
                " times the client had to chase an update in " + rules.windowDays() + " days", causes);
        if (known.loyalty() < rules.loyaltyBelow()) {
            causes.add(new ChurnCause(Kind.LOW_LOYALTY, "loyalty " + Wording.number(known.loyalty()) + " is under "
                    + Wording.number(rules.loyaltyBelow()), evidence(points, p -> p.loyaltyDelta() < 0)));
        }
        if (known.trust() < rules.stuckTrustBelow() && known.loyalty() >= rules.stuckLoyaltyAtLeast()) {
            causes.add(new ChurnCause(Kind.STUCK_RELATIONSHIP, "trust " + Wording.number(known.trust())
                    + " while loyalty holds at " + Wording.number(known.loyalty())
                    + ": staying out of habit, not because it works", evidence(points, p -> p.trustDelta() < 0)));
        }
        int weight = causes.stream().mapToInt(cause -> rules.weights().get(cause.kind())).sum();
        return new ChurnRisk(asOf, level(weight), causes);
    }

    public List<ChurnRiskChange> changes(Timeline timeline) {
        List<ChurnRiskChange> changes = new ArrayList<>();
        ChurnRisk.Level level = ChurnRisk.Level.NONE;
        Instant previous = null;
        for (TimelinePoint point : timeline.points()) {
            if (point.occurredAt().equals(previous)) {
                continue;
            }
            previous = point.occurredAt();
            ChurnRisk risk = assess(timeline, point.occurredAt());
            if (risk.level() != level) {
                changes.add(new ChurnRiskChange(point.occurredAt(), level, risk.level(), risk));
                level = risk.level();
            }
        }
        return changes;
    }

    private void meetingOverdue(List<TimelinePoint> points, Instant asOf, List<ChurnCause> causes) {
        Instant due = points.get(points.size() - 1).meetingDueAt();
        Duration overdue = Duration.between(due, asOf);
        if (overdue.compareTo(Duration.ofDays(rules.meetingOverdueDays())) <= 0) {
            return;
        }
        List<String> lastMeeting = List.of();
        for (int i = points.size() - 1; i >= 0 && lastMeeting.isEmpty(); i--) {
            if (points.get(i).event() instanceof MeetingHeld) {
                lastMeeting = List.of(points.get(i).eventId());
            }
        }
        causes.add(new ChurnCause(Kind.MEETING_OVERDUE, "review meeting overdue by " + Wording.days(overdue)
                + (lastMeeting.isEmpty() ? " (no meeting on record)" : ""), lastMeeting));
    }

    private void trustDrop(Timeline known, Instant windowStart, List<TimelinePoint> recent, List<ChurnCause> causes) {
        double before = known.trustAt(windowStart);
        double drop = before - known.trust();
        if (drop > rules.trustDropPoints()) {
            causes.add(new ChurnCause(Kind.TRUST_DROP, "trust down " + Wording.number(drop) + " in "
                    + rules.windowDays() + " days (from " + Wording.number(before) + " to "
                    + Wording.number(known.trust()) + ")", evidence(recent, p -> p.trustDelta() < 0)));
        }
    }

    private static void repeated(List<TimelinePoint> recent, Class<? extends ClientEvent> type, int threshold,
                                 Kind kind, String wording, List<ChurnCause> causes) {
        List<String> ids = recent.stream().filter(p -> type.isInstance(p.event())).map(TimelinePoint::eventId).toList();
        if (ids.size() >= threshold) {
            causes.add(new ChurnCause(kind, ids.size() + wording, ids));
        }
    }

    /** The latest points matching, oldest first, at most a screenful. */
    private static List<String> evidence(List<TimelinePoint> points, Predicate<TimelinePoint> matching) {
        List<String> ids = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0 && ids.size() < MAX_EVIDENCE; i--) {
            if (matching.test(points.get(i))) {
                ids.add(0, points.get(i).eventId());
            }
        }
        return ids;
    }

    private ChurnRisk.Level level(int weight) {
        if (weight >= rules.highAt()) {
            return ChurnRisk.Level.HIGH;
        }
        if (weight >= rules.mediumAt()) {
            return ChurnRisk.Level.MEDIUM;
        }
        return weight > 0 ? ChurnRisk.Level.LOW : ChurnRisk.Level.NONE;
    }
}
