package io.trustline.relationship.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.trustline.relationship.scoring.ClientEvent.ResponsePhase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * "Without charging twice": a missed target seen before the response it waited for leaves the client's trust where
 * the response alone puts it, whatever else the history holds. Seeds as in {@link TimelineOrderIndependenceTest}.
 */
class MissedTargetsChargeOnceTest {

    private static final int CASES = Integer.getInteger("trustline.scoring.cases", 200);
    /** A scale no history reaches the end of: a change held at 0 or 100 would make the two differ honestly. */
    private static final ScoringEngine WIDE_SCALE = new ScoringEngine(Scoring.variant(
            "version: 1", "version: 99",
            "  min: 0", "  min: -100000",
            "  max: 100", "  max: 100000"));

    @TestFactory
    Stream<DynamicTest> aMissJustBeforeEachFirstResponse_leavesTheFinalTrustUnchanged() {
        Long only = Long.getLong("trustline.scoring.seed");
        LongStream seeds = only != null ? LongStream.of(only) : new Random(20261124L).longs(CASES);
        return seeds.mapToObj(seed -> dynamicTest("seed " + seed, () -> {
            List<ClientEvent> history = RandomHistories.history(seed, 80);
            List<ClientEvent> withMisses = missBeforeEachFirstResponse(history);

            Timeline seen = WIDE_SCALE.timeline(withMisses);
            Timeline notSeen = WIDE_SCALE.timeline(history);

            assertThat(withMisses).hasSizeGreaterThan(history.size());
            assertThat(seen.points()).allSatisfy(point -> assertThat(point.trustAfter()).isBetween(-99999.0, 99999.0));
            assertThat(seen.trust()).isCloseTo(notSeen.trust(), Offset.offset(1e-9));
        }));
    }

    /** A miss at the instant of each issue's first acknowledgement and first plan, ordered just before it. */
    private static List<ClientEvent> missBeforeEachFirstResponse(List<ClientEvent> history) {
        List<ClientEvent> sorted = new ArrayList<>(history);
        sorted.sort(ScoringEngine.CANONICAL_ORDER);
        Set<String> firstSeen = new HashSet<>();
        List<ClientEvent> withMisses = new ArrayList<>(history);
        for (ClientEvent event : sorted) {
            ResponsePhase phase = event instanceof ClientEvent.IssueAcknowledged ? ResponsePhase.ACKNOWLEDGE
                    : event instanceof ClientEvent.ActionPlanIssued ? ResponsePhase.PLAN : null;
            String issueId = phase == null ? null : ((ClientEvent.OfIssue) event).issueId();
            if (phase != null && firstSeen.add(issueId + "/" + phase)) {
                // '-' sorts before every character of a UUID: the miss comes just before the response
                withMisses.add(new ClientEvent.ResponseTargetMissed("-miss-" + issueId + "-" + phase,
                        event.occurredAt(), issueId, phase));
            }
        }
        return withMisses;
    }
}
