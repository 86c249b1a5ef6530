package io.trustline.relationship.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties of the engine over many generated histories. Each case is named by its seed; to
 * replay one, run with {@code -Dtrustline.scoring.seed=<seed>}.
 */
class TimelineOrderIndependenceTest {

    private static final int CASES = Integer.getInteger("trustline.scoring.cases", 200);
    private static final ScoringEngine ENGINE = Scoring.ENGINE;

    @TestFactory
    Stream<DynamicTest> anyPermutationWithDuplicates_givesTheIdenticalTimeline() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 60);
            List<ClientEvent> delivered = redeliveredInAnyOrder(history, new Random(seed));

            assertThat(delivered).hasSizeGreaterThan(history.size());
            assertThat(ENGINE.timeline(delivered)).isEqualTo(ENGINE.timeline(history));
        });
    }

    @TestFactory
    Stream<DynamicTest> twoDifferentEventsUnderOneId_countOnce_whicheverArrivesFirst() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 60);
            ClientEvent original = history.get(new Random(seed).nextInt(history.size()));
            ClientEvent impostor = new ClientEvent.GoodwillGesture(original.eventId(), original.occurredAt());
            List<ClientEvent> originalFirst = new ArrayList<>(history);
            originalFirst.add(impostor);
            List<ClientEvent> impostorFirst = new ArrayList<>(List.of(impostor));
            impostorFirst.addAll(history);

            Timeline timeline = ENGINE.timeline(originalFirst);

            assertThat(ENGINE.timeline(impostorFirst)).isEqualTo(timeline);
            assertThat(timeline.points().stream().filter(p -> p.eventId().equals(original.eventId()))).hasSize(1);
        });
    }

    @TestFactory
    Stream<DynamicTest> aLateEvent_leavesEarlierPointsAlone_andRecomputesTheOnesAfterIt() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 60);
            Random random = new Random(seed);
            ClientEvent late = history.get(random.nextInt(history.size()));
            List<ClientEvent> withoutLate = new ArrayList<>(history);
            withoutLate.remove(late);

            Timeline before = ENGINE.timelineAsOf(withoutLate, lastInstant(history));
            List<ClientEvent> afterArrival = new ArrayList<>(withoutLate);
            afterArrival.add(late);
            Timeline after = ENGINE.timelineAsOf(afterArrival, lastInstant(history));

            assertThat(pointsBefore(after, late.occurredAt())).isEqualTo(pointsBefore(before, late.occurredAt()));
            assertThat(after.points()).anySatisfy(point -> assertThat(point.eventId()).isEqualTo(late.eventId()));
            assertThat(after).isEqualTo(ENGINE.timelineAsOf(history, lastInstant(history)));
        });
    }

    @TestFactory
    Stream<DynamicTest> theTimelineAsOfADate_isTheFullTimelineCutAtThatDate() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 60);
            Timeline full = ENGINE.timeline(history);
            Instant asOf = history.get(new Random(seed).nextInt(history.size())).occurredAt();

            Timeline then = ENGINE.timelineAsOf(history, asOf);

            assertThat(then.points()).isEqualTo(full.upTo(asOf).points());
            assertThat(then.trust()).isEqualTo(full.trustAt(asOf));
            assertThat(then.points()).allSatisfy(point -> assertThat(point.occurredAt()).isBeforeOrEqualTo(asOf));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPoint_staysOnTheScale_addsUpItsChanges_andExplainsItself() {
        return forEachSeed(seed -> {
            Timeline timeline = ENGINE.timeline(RandomHistories.history(seed, 120));
            double trust = timeline.startTrust();
            double loyalty = timeline.startLoyalty();
            for (TimelinePoint point : timeline.points()) {
                assertThat(point.trustBefore()).isEqualTo(trust);
                assertThat(point.loyaltyBefore()).isEqualTo(loyalty);
                assertThat(point.trustAfter()).isBetween(0.0, 100.0);
                assertThat(point.loyaltyAfter()).isBetween(0.0, 100.0);
                assertThat(point.trustDelta()).isCloseTo(sum(point, Change.Dimension.TRUST), within());
                assertThat(point.loyaltyDelta()).isCloseTo(sum(point, Change.Dimension.LOYALTY), within());
                if (point.kind() == TimelinePoint.Kind.CLOCK) {
                    assertThat(point.changes()).as("the clock only shows when it moved a score").isNotEmpty();
                }
                trust = point.trustAfter();
                loyalty = point.loyaltyAfter();
            }
        });
    }

    private static Stream<DynamicTest> forEachSeed(LongConsumer property) {
        Long only = Long.getLong("trustline.scoring.seed");
        LongStream seeds = only != null ? LongStream.of(only) : new Random(20261123L).longs(CASES);
        return seeds.mapToObj(seed -> dynamicTest("seed " + seed, () -> property.accept(seed)));
    }

    /** Every event once in any order, a third of them delivered a second time. */
    private static List<ClientEvent> redeliveredInAnyOrder(List<ClientEvent> history, Random random) {
        List<ClientEvent> delivered = new ArrayList<>(history);
        for (ClientEvent event : history) {
            if (random.nextInt(3) == 0) {
                delivered.add(event);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    private static List<TimelinePoint> pointsBefore(Timeline timeline, Instant instant) {
        return timeline.points().stream().filter(point -> point.occurredAt().isBefore(instant)).toList();
    }

    private static Instant lastInstant(List<ClientEvent> history) {
        return history.stream().map(ClientEvent::occurredAt).max(Instant::compareTo).orElseThrow();
    }

    private static double sum(TimelinePoint point, Change.Dimension dimension) {
        return point.changes().stream().filter(c -> c.dimension() == dimension).mapToDouble(Change::delta).sum();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
