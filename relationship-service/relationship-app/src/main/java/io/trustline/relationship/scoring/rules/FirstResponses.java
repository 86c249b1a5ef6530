package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.ResponsePhase;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.rules.ClientState.IssueState;
import java.time.Duration;

/**
 * Seed 001's clock on an issue's first acknowledgement and first action plan: the response is timed from the report
 * when it comes, and silence costs as soon as the incident's target passes without it ({@code ResponseTargetMissed}).
 * The late weight is charged once, at whichever comes first, and a response found in time after all takes the charge
 * back: a history ends at the same trust whether or not its misses were seen, as long as the response came.
 */
final class FirstResponses {

    private FirstResponses() {
    }

    /** The first response of {@code phase} arrived; later ones are not timed. */
    static void responded(ResponsePhase phase, IssueState issue, ScoringModel model, PointBuilder point) {
        if (issue.responded(phase)) {
            return;
        }
        Step step = Step.of(phase, model.trust());
        Duration target = phase == ResponsePhase.ACKNOWLEDGE ? issue.acknowledgeTarget(model) : issue.actionPlanTarget(model);
        Duration took = Duration.between(issue.reportedAt(), point.at());
        String timing = step.done() + " " + Wording.duration(took) + " after the report; " + issue.targetWording() + " "
                + Wording.duration(target);
        if (took.compareTo(target) <= 0) {
            point.trust(step.inTarget(), step.inTargetRule(), timing);
            if (issue.missCharged(phase)) {
                point.trust(-step.late(), step.missedRule(),
                        step.done() + " within the target after all: the charge for the missed target is returned");
            }
        } else if (issue.missCharged(phase)) {
            point.trust(0, step.lateRule(), timing + ": the lateness was already charged when the target passed");
        } else {
            point.trust(step.late(), step.lateRule(), timing);
        }
    }

    /** The incident's target for {@code phase} passed; the point's instant is the target itself. */
    static void targetMissed(ResponsePhase phase, IssueState issue, ScoringModel model, PointBuilder point) {
        Step step = Step.of(phase, model.trust());
        String target = issue.missedTargetWording();
        String when = Wording.duration(Duration.between(issue.reportedAt(), point.at())) + " after the report";
        if (issue.missCosts(phase)) {
            point.trust(step.late(), step.missedRule(), "no " + step.noun() + " by " + target + ", " + when);
        } else if (issue.responded(phase)) {
            point.trust(0, step.missedRule(), step.alreadyDone() + " when " + target + " passed, " + when);
        } else if (issue.missCharged(phase)) {
            point.trust(0, step.missedRule(), "no " + step.noun() + " by " + target + ", " + when
                    + "; this silence was already charged when an earlier target passed");
        } else {
            point.trust(0, step.missedRule(), "already resolved when " + target + " passed, " + when);
        }
    }

    /** The words, weights and rule ids of one phase. */
    private record Step(String noun, String done, String alreadyDone, double inTarget, String inTargetRule,
                        double late, String lateRule, String missedRule) {

        static Step of(ResponsePhase phase, ScoringModel.TrustWeights weights) {
            return phase == ResponsePhase.ACKNOWLEDGE
                    ? new Step("acknowledgement", "acknowledged", "already acknowledged",
                            weights.acknowledgedInTarget(), "001.acknowledged-in-target",
                            weights.acknowledgedLate(), "001.acknowledged-late", "001.acknowledge-target-missed")
                    : new Step("action plan", "action plan issued", "action plan already issued",
                            weights.actionPlanInTarget(), "001.action-plan-in-target",
                            weights.actionPlanLate(), "001.action-plan-late", "001.action-plan-target-missed");
        }
    }
}
