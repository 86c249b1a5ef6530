package io.trustline.relationship.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A history taken one event at a time resumes its replay from saved states; every timeline it answers must be the
 * one the engine computes from scratch, whatever order the events arrive in. Each case is named by its seed; to
 * replay one, run with {@code -Dtrustline.scoring.seed=<seed>}.
 */
class ScoredHistoryTest {

    private static final int CASES = Integer.getInteger("trustline.scoring.cases", 40);
    private static final ScoringEngine ENGINE = Scoring.ENGINE;

    @TestFactory
    Stream<DynamicTest> eventsArrivingOneByOne_someLate_someTwice_giveTheTimelineComputedFromScratch_atEveryStep() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 300);
            List<ClientEvent> arrived = new ArrayList<>();
            ScoredHistory scored = ENGINE.score(List.of());
            for (ClientEvent event : mostlyInOrder(history, new Random(seed))) {
                scored = scored.with(event);
                arrived.add(event);
                assertThat(scored.timeline()).isEqualTo(ENGINE.timeline(arrived));
            }
            assertThat(scored.events()).hasSameElementsAs(history);
        });
    }

    @TestFactory
    Stream<DynamicTest> theTimelineAsOfAnyInstant_isTheOneComputedFromScratch() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 200);
            ScoredHistory scored = ENGINE.score(history);
            Instant last = history.get(history.size() - 1).occurredAt();
            Instant earlier = history.get(new Random(seed).nextInt(history.size())).occurredAt();
            for (Instant asOf : List.of(earlier, last, last.plus(Duration.ofDays(3)), last.plus(Duration.ofDays(200)))) {
                assertThat(scored.timelineAsOf(asOf)).isEqualTo(ENGINE.timelineAsOf(history, asOf));
            }
            assertThat(scored.timeline()).isEqualTo(ENGINE.timeline(history));
        });
    }

    @TestFactory
    Stream<DynamicTest> twoEventsAddedToTheSameHistory_doNotSeeEachOther() {
        return forEachSeed(seed -> {
            List<ClientEvent> history = RandomHistories.history(seed, 400);
            Random random = new Random(seed);
            ClientEvent one = history.get(history.size() - 1 - random.nextInt(100));
            ClientEvent other = history.get(history.size() - 1 - random.nextInt(100));
            List<ClientEvent> known = new ArrayList<>(history);
            known.remove(one);
            known.remove(other);
            ScoredHistory shared = ENGINE.score(known);

            ScoredHistory withOne = shared.with(one);
            ScoredHistory withOther = shared.with(other);

            assertThat(withOne.timeline()).isEqualTo(ENGINE.timeline(plus(known, one)));
            assertThat(withOther.timeline()).isEqualTo(ENGINE.timeline(plus(known, other)));
            assertThat(shared.timeline()).isEqualTo(ENGINE.timeline(known));
            assertThat(shared.timelineAsOf(shared.timeline().asOf().plus(Duration.ofDays(90))))
                    .isEqualTo(ENGINE.timelineAsOf(known, shared.timeline().asOf().plus(Duration.ofDays(90))));
        });
    }

    @Test
    void aLongHistory_takesALateEventFromBeforeEverySavedState_andOneAtTheEnd() {
        List<ClientEvent> history = RandomHistories.history(20261203L, 3_000);
        ClientEvent early = history.get(10);
        ClientEvent last = history.get(history.size() - 1);
        List<ClientEvent> known = new ArrayList<>(history);
        known.remove(early);
        known.remove(last);

        ScoredHistory scored = ENGINE.score(known).with(last).with(early);

        assertThat(scored.timeline()).isEqualTo(ENGINE.timeline(history));
        assertThat(scored.with(early)).isSameAs(scored);
    }

    /** Each event once, in order but for about one in ten held back a while; one in five delivered again. */
    private static List<ClientEvent> mostlyInOrder(List<ClientEvent> history, Random random) {
        List<ClientEvent> delivered = new ArrayList<>();
        List<ClientEvent> heldBack = new ArrayList<>();
        for (ClientEvent event : history) {
            if (random.nextInt(10) == 0) {
                heldBack.add(event);
            } else {
                delivered.add(event);
            }
            if (!heldBack.isEmpty() && random.nextInt(8) == 0) {
                delivered.add(heldBack.remove(random.nextInt(heldBack.size())));
            }
            if (!delivered.isEmpty() && random.nextInt(5) == 0) {
                delivered.add(delivered.get(random.nextInt(delivered.size())));
            }
        }
        delivered.addAll(heldBack);
        return delivered;
    }

    private static List<ClientEvent> plus(List<ClientEvent> events, ClientEvent event) {
        List<ClientEvent> more = new ArrayList<>(events);
        more.add(event);
        return more;
    }

    private static Stream<DynamicTest> forEachSeed(LongConsumer property) {
        Long only = Long.getLong("trustline.scoring.seed");
        LongStream seeds = only != null ? LongStream.of(only) : new Random(20261203L).longs(CASES);
        return seeds.mapToObj(seed -> dynamicTest("seed " + seed, () -> property.accept(seed)));
    }
}
