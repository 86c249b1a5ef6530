package io.trustline.relationship.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The recompute from a late event's place: what is written and deleted, and what is left alone. */
class TimelineDiffTest {

    private static final ScoringEngine ENGINE = new ScoringEngine(ScoringModelFiles.builtInDefault());

    @Test
    void aLateEvent_leavesEveryPointBeforeItsPlace_andReplacesThePointsFromThere() {
        List<ClientEvent> history = Histories.issues("late", 12, 5);
        ClientEvent late = new ClientEvent.ClientChasedUpdate("late-000005-35", Histories.START
                .plus(Duration.ofDays(25)).plus(Duration.ofMinutes(30)), "late-issue-5");
        ClientHistory before = ClientHistory.of(history, ENGINE);
        ClientHistory after = before.with(late);

        TimelineDiff<TimelinePoint> diff = TimelineDiff.between(before.points(), after.points(), PointPosition::of);

        int place = indexOf(after.points(), late.eventId());
        assertThat(diff.firstChange()).isEqualTo(place);
        assertThat(after.points().subList(0, place)).isEqualTo(before.points().subList(0, place));
        String latePosition = PointPosition.of(after.points().get(place));
        assertThat(diff.upserts()).first().extracting(TimelinePoint::eventId).isEqualTo(late.eventId());
        assertThat(diff.upserts()).extracting(PointPosition::of).allMatch(at -> at.compareTo(latePosition) >= 0);
        assertThat(diff.deleted()).allMatch(at -> at.compareTo(latePosition) > 0);
        assertThat(applied(before.points(), diff)).isEqualTo(after.points());
    }

    @Test
    void aLateEventBeforeTheFirst_movesTheClockTicks_andTheStoreStillEndsAsTheNewTimeline() {
        List<ClientEvent> history = Histories.issues("early", 8, 6);
        ClientEvent earliest = new ClientEvent.IssueReported("early-000000-0", Histories.START.minus(Duration.ofDays(3)),
                "early-issue-x");
        ClientHistory before = ClientHistory.of(history, ENGINE);
        ClientHistory after = before.with(earliest);

        TimelineDiff<TimelinePoint> diff = TimelineDiff.between(before.points(), after.points(), PointPosition::of);

        assertThat(diff.firstChange()).isZero();
        assertThat(diff.deleted()).as("the weekly ticks counted from the old first event").isNotEmpty();
        assertThat(applied(before.points(), diff)).isEqualTo(after.points());
    }

    @Test
    void anEventAfterTheLatest_writesOnlyTheTicksUpToItAndItsOwnPoint() {
        List<ClientEvent> history = Histories.issues("next", 6, 2);
        ClientEvent next = new ClientEvent.IssueReported("next-999999-1", Histories.START.plus(Duration.ofDays(40)),
                "next-issue-new");
        ClientHistory before = ClientHistory.of(history, ENGINE);
        ClientHistory after = before.with(next);

        TimelineDiff<TimelinePoint> diff = TimelineDiff.between(before.points(), after.points(), PointPosition::of);

        assertThat(diff.firstChange()).isEqualTo(before.points().size());
        assertThat(diff.deleted()).isEmpty();
        assertThat(diff.upserts()).last().extracting(TimelinePoint::eventId).isEqualTo(next.eventId());
        assertThat(diff.upserts()).allMatch(point -> point == diff.upserts().get(diff.upserts().size() - 1)
                || point.kind() == TimelinePoint.Kind.CLOCK);
    }

    @Test
    void theSameHistory_changesNothing() {
        ClientHistory history = ClientHistory.of(Histories.issues("same", 5, 3), ENGINE);

        TimelineDiff<TimelinePoint> diff = TimelineDiff.between(history.points(),
                ClientHistory.of(Histories.issues("same", 5, 3), ENGINE).points(), PointPosition::of);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.firstChange()).isEqualTo(history.points().size());
    }

    @Test
    void positions_sortLikeTheTimeline_clockBeforeAnEventAtTheSameInstant_thenByEventId() {
        List<ClientEvent> history = new ArrayList<>(Histories.issues("pos", 10, 4));
        // the fifth weekly tick: the review meeting (every 30 days by default) is overdue, so the tick moves loyalty
        Instant tick = Histories.START.plus(Duration.ofDays(35));
        history.add(new ClientEvent.GoodwillGesture("pos-b", tick));
        history.add(new ClientEvent.GoodwillGesture("pos-a", tick));
        List<TimelinePoint> points = ClientHistory.of(history, ENGINE).points();

        List<String> positions = points.stream().map(PointPosition::of).toList();

        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(points).filteredOn(point -> point.occurredAt().equals(tick))
                .extracting(TimelinePoint::eventId).containsExactly("clock:" + tick, "pos-a", "pos-b");
    }

    /** The stored points, keyed by position, after the diff is written to them. */
    private static List<TimelinePoint> applied(List<TimelinePoint> stored, TimelineDiff<TimelinePoint> diff) {
        TreeMap<String, TimelinePoint> byPosition = new TreeMap<>();
        stored.forEach(point -> byPosition.put(PointPosition.of(point), point));
        diff.deleted().forEach(byPosition::remove);
        diff.upserts().forEach(point -> byPosition.put(PointPosition.of(point), point));
        return List.copyOf(byPosition.values());
    }

    private static int indexOf(List<TimelinePoint> points, String eventId) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).eventId().equals(eventId)) {
                return i;
            }
        }
        throw new AssertionError(eventId + " is not on the timeline");
    }
}
