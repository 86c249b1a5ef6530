package io.trustline.relationship.scoring.rules;

import static io.trustline.relationship.scoring.ClientEvent.Impact.STOPPED;
import static io.trustline.relationship.scoring.ClientEvent.ResponsePhase.ACKNOWLEDGE;
import static io.trustline.relationship.scoring.ClientEvent.ResponsePhase.PLAN;
import static io.trustline.relationship.scoring.ClientEvent.Scope.EVERYONE;
import static io.trustline.relationship.scoring.Scoring.point;
import static io.trustline.relationship.scoring.Scoring.pointsOfType;
import static io.trustline.relationship.scoring.Scoring.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.History;
import io.trustline.relationship.scoring.Scoring;
import io.trustline.relationship.scoring.TimelinePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Seed 001: silence costs trust as soon as an acknowledgement or action-plan target passes
 * ({@code ResponseTargetMissed}), and the late response that follows is not charged again.
 */
@DisplayName("seed 001: silence costs when a response target passes")
class MissedResponseTargetsTest {

    private static final String MONDAY = "2026-03-02T09:00:00Z";

    /** Stopped for everyone; policy v3 promises an acknowledgement in 15 min and a plan in 60. */
    private static History reported() {
        return History.startingAt(MONDAY).issueWithExpectation("i1", STOPPED, EVERYONE, null)
                .responseTargets("i1", Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofMinutes(60),
                        Duration.ofHours(4), 3);
    }

    @Nested
    class Acknowledgement {

        @Test
        void aMissedTarget_costsTheLateWeight_whenItPasses() {
            History history = reported().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE);

            TimelinePoint miss = point(timeline(history), history.lastId());
            assertThat(miss.changes()).extracting(Change::rule).containsExactly("001.acknowledge-target-missed");
            assertThat(miss.sentence()).isEqualTo(
                    "-1 trust: no acknowledgement by the target from the response policy v3, 15 min after the report");
        }

        @Test
        void aMissThenTheLateAcknowledgement_endsAtTheSameTrust_asTheLateAcknowledgementAlone() {
            History lateAlone = reported().afterMinutes(40).acknowledged("i1");
            History missThenLate = reported().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE)
                    .afterMinutes(25).acknowledged("i1");

            assertThat(timeline(missThenLate).trust()).isEqualTo(timeline(lateAlone).trust())
                    .isEqualTo(timeline(reported()).trust() - 1);
            TimelinePoint late = point(timeline(missThenLate), missThenLate.lastId());
            assertThat(late.changes()).extracting(Change::rule).containsExactly("001.acknowledged-late");
            assertThat(late.sentence()).isEqualTo("no change to trust: acknowledged 40 min after the report; target "
                    + "from the response policy v3 is 15 min: the lateness was already charged when the target passed");
        }

        @Test
        void anAcknowledgementInTime_recordedAfterTheMiss_makesTheMissCostNothing() {
            History history = reported();
            ClientEvent miss = new ClientEvent.ResponseTargetMissed("miss", history.now().plus(Duration.ofMinutes(15)),
                    "i1", ACKNOWLEDGE);
            List<ClientEvent> delivered = new ArrayList<>(history.events());
            delivered.add(miss);
            delivered.add(new ClientEvent.IssueAcknowledged("ack", history.now().plus(Duration.ofMinutes(10)), "i1"));

            var timeline = Scoring.ENGINE.timeline(delivered);

            assertThat(point(timeline, "miss").sentence()).isEqualTo("no change to trust: already acknowledged when "
                    + "the target from the response policy v3 passed, 15 min after the report");
            assertThat(timeline.trust()).isEqualTo(timeline(reported().afterMinutes(10).acknowledged("i1")).trust());
        }

        @Test
        void anAcknowledgementThatNeverComes_keepsTheCharge() {
            History silent = reported().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE).afterMinutes(45).actionPlan("i1");
            History notSeen = reported().afterMinutes(60).actionPlan("i1");

            assertThat(timeline(silent).trust()).isEqualTo(timeline(notSeen).trust() - 1);
        }

        @Test
        void aSecondMissOfTheSamePhase_afterNewTargets_isChargedOnce() {
            History history = reported().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE)
                    .responseTargets("i1", Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofMinutes(60),
                            Duration.ofHours(4), 4)
                    .afterMinutes(15).targetMissed("i1", ACKNOWLEDGE);
            String secondMiss = history.lastId();
            history.afterMinutes(10).acknowledged("i1");

            assertThat(point(timeline(history), secondMiss).sentence()).isEqualTo("no change to trust: no "
                    + "acknowledgement by the target from the response policy v4, 30 min after the report; this silence "
                    + "was already charged when an earlier target passed");
            assertThat(timeline(history).trust()).isEqualTo(timeline(reported().afterMinutes(40).acknowledged("i1")).trust());
        }

        @Test
        void anAcknowledgementWithinTargetsExtendedAfterTheMiss_getsTheChargeBack() {
            History extended = reported().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE)
                    .responseTargets("i1", Duration.ofMinutes(30), Duration.ofMinutes(90), Duration.ofMinutes(60),
                            Duration.ofHours(4), 4)
                    .afterMinutes(10).acknowledged("i1");
            History missNotSeen = reported().afterMinutes(15)
                    .responseTargets("i1", Duration.ofMinutes(30), Duration.ofMinutes(90), Duration.ofMinutes(60),
                            Duration.ofHours(4), 4)
                    .afterMinutes(10).acknowledged("i1");

            TimelinePoint ack = point(timeline(extended), extended.lastId());
            assertThat(ack.changes()).extracting(Change::rule, Change::delta).containsExactly(
                    tuple("001.acknowledged-in-target", 1.0),
                    tuple("001.acknowledge-target-missed", 1.0));
            assertThat(ack.changes().get(1).sentence()).isEqualTo(
                    "+1 trust: acknowledged within the target after all: the charge for the missed target is returned");
            assertThat(timeline(extended).trust()).isEqualTo(timeline(missNotSeen).trust());
        }

        @Test
        void aMissAfterTheIssueWasResolved_costsNothing() {
            History history = reported().afterMinutes(10).resolved("i1").afterMinutes(5).targetMissed("i1", ACKNOWLEDGE);

            assertThat(point(timeline(history), history.lastId()).sentence()).isEqualTo("no change to trust: already "
                    + "resolved when the target from the response policy v3 passed, 15 min after the report");
        }

        @Test
        void aReopenedIssue_isNotChargedAgain_forAnAcknowledgementItAlreadyHad() {
            History history = reported().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE)
                    .afterMinutes(5).acknowledged("i1").afterMinutes(30).actionPlan("i1")
                    .afterHours(1).resolved("i1").afterDays(1).reopened("i1")
                    .afterMinutes(15).targetMissed("i1", ACKNOWLEDGE);

            assertThat(point(timeline(history), history.lastId()).trustDelta()).isZero();
            assertThat(pointsOfType(timeline(history), "ResponseTargetMissed"))
                    .extracting(TimelinePoint::trustDelta).containsExactly(-1.0, 0.0);
        }
    }

    @Nested
    class ActionPlan {

        @Test
        void aMissThenTheLatePlan_endsAtTheSameTrust_asTheLatePlanAlone() {
            History latePlanAlone = reported().afterMinutes(10).acknowledged("i1").afterMinutes(80).actionPlan("i1");
            History missThenLate = reported().afterMinutes(10).acknowledged("i1")
                    .afterMinutes(50).targetMissed("i1", PLAN)
                    .afterMinutes(30).actionPlan("i1");

            assertThat(timeline(missThenLate).trust()).isEqualTo(timeline(latePlanAlone).trust());
            assertThat(pointsOfType(timeline(missThenLate), "ResponseTargetMissed").get(0).sentence()).isEqualTo(
                    "-2 trust: no action plan by the target from the response policy v3, 60 min after the report");
            assertThat(point(timeline(missThenLate), missThenLate.lastId()).sentence()).isEqualTo("no change to trust: action plan issued "
                    + "1 h 30 min after the report; target from the response policy v3 is 60 min: the lateness was "
                    + "already charged when the target passed");
        }

        @Test
        void aPlanInTime_recordedAfterTheMiss_makesTheMissCostNothing() {
            History history = reported().afterMinutes(45).actionPlan("i1").afterMinutes(15).targetMissed("i1", PLAN);

            assertThat(point(timeline(history), history.lastId()).sentence()).isEqualTo("no change to trust: action "
                    + "plan already issued when the target from the response policy v3 passed, 60 min after the report");
        }

        @Test
        void anAcknowledgementDoesNotAnswerAMissedPlan() {
            History history = reported().afterMinutes(10).acknowledged("i1").afterMinutes(50).targetMissed("i1", PLAN);

            assertThat(point(timeline(history), history.lastId()).trustDelta()).isEqualTo(-2);
        }

        @Test
        void aSecondMissOfThePlan_isChargedOnce() {
            History history = reported().afterMinutes(60).targetMissed("i1", PLAN).afterMinutes(1).targetMissed("i1", PLAN);

            assertThat(pointsOfType(timeline(history), "ResponseTargetMissed"))
                    .extracting(TimelinePoint::trustDelta).containsExactly(-2.0, 0.0);
        }
    }

    @Test
    void aMissWithoutTargetsOnRecord_namesTheIncidentsTarget() {
        History history = History.startingAt(MONDAY).issueReported("i1").afterMinutes(20).targetMissed("i1", ACKNOWLEDGE);

        assertThat(point(timeline(history), history.lastId()).sentence())
                .isEqualTo("-1 trust: no acknowledgement by the incident's target, 20 min after the report");
    }
}
