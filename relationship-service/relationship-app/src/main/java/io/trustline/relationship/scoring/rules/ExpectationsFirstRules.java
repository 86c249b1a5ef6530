package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.ActionPlanCompleted;
import io.trustline.relationship.scoring.ClientEvent.ActionPlanIssued;
import io.trustline.relationship.scoring.ClientEvent.ClientChasedUpdate;
import io.trustline.relationship.scoring.ClientEvent.ExpectationSet;
import io.trustline.relationship.scoring.ClientEvent.IssueAcknowledged;
import io.trustline.relationship.scoring.ClientEvent.IssueResolved;
import io.trustline.relationship.scoring.ClientEvent.ProactiveUpdateOverdue;
import io.trustline.relationship.scoring.ClientEvent.ProactiveUpdateSent;
import io.trustline.relationship.scoring.ClientEvent.ResponsePhase;
import io.trustline.relationship.scoring.ClientEvent.ResponseTargetMissed;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.rules.ClientState.IssueState;
import java.time.Duration;
import java.time.Instant;

/**
 * Seed 001: ask WHO/WHAT/WHEN/WHERE/HOW before starting, hold the response to targets that come
 * from the expectation, and keep the client informed instead of working in a vacuum.
 */
final class ExpectationsFirstRules implements ScoringRules {

    @Override
    public void on(ClientEvent event, ClientState state, PointBuilder point) {
        ScoringModel.TrustWeights weights = state.model().trust();
        if (event instanceof ExpectationSet set) {
            expectationSet(set, state.issue(set), weights, point);
        } else if (event instanceof IssueAcknowledged ack) {
            FirstResponses.responded(ResponsePhase.ACKNOWLEDGE, state.issue(ack), state.model(), point);
        } else if (event instanceof ActionPlanIssued plan) {
            FirstResponses.responded(ResponsePhase.PLAN, state.issue(plan), state.model(), point);
        } else if (event instanceof ResponseTargetMissed missed) {
            FirstResponses.targetMissed(missed.phase(), state.issue(missed), state.model(), point);
        } else if (event instanceof ProactiveUpdateSent update) {
            update(state.issue(update), state.model(), point);
        } else if (event instanceof ClientChasedUpdate chase) {
            IssueState issue = state.issue(chase);
            point.trust(weights.clientChased(), "001.client-chased",
                    "the client had to chase an update, " + issue.sinceLastHeard(point.at()));
        } else if (event instanceof ProactiveUpdateOverdue overdue) {
            IssueState issue = state.issue(overdue);
            point.trust(weights.updateOverdue(), "001.update-overdue",
                    "no proactive update within the cadence; " + issue.targetWording() + " "
                            + Wording.duration(issue.updateEvery(state.model())));
        } else if (event instanceof ActionPlanCompleted completed) {
            IssueState issue = state.issue(completed);
            if (issue.planCompletionCounted()) {
                point.trust(0, "001.action-plan-completed", "the action plan was already counted as carried out");
            } else {
                point.trust(weights.actionPlanCompleted(), "001.action-plan-completed", "the action plan was carried out");
            }
        } else if (event instanceof IssueResolved resolved) {
            resolved(state.issue(resolved), state.model(), point);
        }
    }

    private static void expectationSet(ExpectationSet set, IssueState issue, ScoringModel.TrustWeights weights,
                                       PointBuilder point) {
        if (issue.hasExpectation()) {
            point.trust(0, "001.expectations-first", "expectations restated; only the first ones are scored");
        } else if (issue.workStarted()) {
            point.trust(0, "001.expectations-first", "expectations recorded only after work had started: no credit");
        } else {
            point.trust(weights.expectationSetBeforeWork(), "001.expectations-first",
                    "expectations agreed before work started (who: " + Wording.words(set.scope()) + ", what: "
                            + Wording.words(set.impact()) + (set.resolveBy() == null ? ""
                            : ", resolve by " + Wording.dayAndTime(set.resolveBy())) + ")");
        }
    }

    private static void update(IssueState issue, ScoringModel model, PointBuilder point) {
        Duration cadence = issue.updateEvery(model);
        String timing = "proactive update " + issue.sinceLastHeard(point.at()) + "; "
                + "update cadence " + issue.sourceWording() + " is " + Wording.duration(cadence);
        if (!issue.updateInCadence(point.at(), model)) {
            point.trust(0, "001.update-late", timing + ": no credit");
        } else if (!issue.updateEarnsTrust(point.at(), model)) {
            point.trust(0, "001.update-in-cadence", timing + "; this issue already earned the most updates can give ("
                    + model.trust().rewardedUpdatesPerIssue() + ")");
        } else {
            point.trust(model.trust().updateInCadence(), "001.update-in-cadence", timing);
        }
    }

    private static void resolved(IssueState issue, ScoringModel model, PointBuilder point) {
        if (issue.resolutionCounted()) {
            point.trust(0, "001.resolved-in-target", "already resolved; a resolution counts once until the issue is reopened");
            return;
        }
        Instant deadline = issue.resolveDeadline(model);
        String whose = issue.resolveDeadlineWording();
        Duration took = Duration.between(issue.reportedAt(), point.at());
        if (point.at().isAfter(deadline)) {
            point.trust(0, "001.resolved-late", "resolved " + Wording.duration(took) + " after the report, "
                    + Wording.duration(Duration.between(deadline, point.at())) + " after " + whose + ": no credit");
        } else {
            point.trust(model.trust().resolvedInTarget(), "001.resolved-in-target",
                    "resolved " + Wording.duration(took) + " after the report, within " + whose);
        }
    }
}
