package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.ActionPlanIssued;
import io.trustline.relationship.scoring.ClientEvent.IssueResolved;
import io.trustline.relationship.scoring.ClientEvent.MiscommunicationRecorded;
import io.trustline.relationship.scoring.ClientEvent.Party;
import io.trustline.relationship.scoring.ClientEvent.ServiceDisruptionAdmitted;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.rules.ClientState.IssueState;
import java.time.Duration;

/**
 * Seed 004: trust is built on how screw-ups are handled. "You admit when there are issues and
 * always give me your action plan and then make it happen quickly." A disruption we admit costs
 * less than one the client finds, and a plan and a quick fix after it earn more than it cost.
 */
final class ScrewUpHandlingRules implements ScoringRules {

    @Override
    public void on(ClientEvent event, ClientState state, PointBuilder point) {
        ScoringModel.TrustWeights weights = state.model().trust();
        if (event instanceof ServiceDisruptionAdmitted disruption) {
            if (disruption.disclosedBy() == Party.PROVIDER) {
                point.trust(weights.disruptionAdmittedByProvider(), "004.disruption-admitted",
                        "we admitted a service disruption before the client had to find it");
            } else {
                point.trust(weights.disruptionDiscoveredByClient(), "004.disruption-discovered",
                        "the client discovered a service disruption we had not admitted");
            }
        } else if (event instanceof MiscommunicationRecorded) {
            point.trust(weights.miscommunication(), "004.miscommunication", "a miscommunication was recorded");
        } else if (event instanceof ActionPlanIssued plan) {
            IssueState issue = state.issue(plan);
            planAfterDisruption(issue, state.model(), point);
            planAfterMiscommunication(issue, state.model(), point);
        } else if (event instanceof IssueResolved resolved) {
            fixAfterDisruption(state.issue(resolved), state.model(), point);
        }
    }

    private static void planAfterDisruption(IssueState issue, ScoringModel model, PointBuilder point) {
        if (issue.disruptionAt() == null || issue.disruptionPlanned()) {
            return;
        }
        Duration target = issue.targets(model).actionPlan();
        Duration took = Duration.between(issue.disruptionAt(), point.at());
        String timing = "action plan " + Wording.duration(took) + " after the disruption; " + issue.targetWording()
                + " " + Wording.duration(target);
        if (took.compareTo(target) > 0) {
            point.trust(0, "004.plan-after-disruption", timing + ": too late to repair it");
        } else if (issue.disruptionDisclosedBy() == Party.PROVIDER) {
            point.trust(model.trust().planAfterAdmittedDisruption(), "004.plan-after-disruption",
                    "admitted, then an action plan: " + timing);
        } else {
            point.trust(model.trust().planAfterDiscoveredDisruption(), "004.plan-after-disruption",
                    "an action plan after a disruption the client found: " + timing);
        }
    }

    private static void planAfterMiscommunication(IssueState issue, ScoringModel model, PointBuilder point) {
        if (issue.miscommunicationAt() == null) {
            return;
        }
        Duration target = issue.targets(model).actionPlan();
        Duration took = Duration.between(issue.miscommunicationAt(), point.at());
        if (took.compareTo(target) <= 0) {
            point.trust(model.trust().planAfterMiscommunication(), "004.plan-after-miscommunication",
                    "a prompt action plan " + Wording.duration(took) + " after the miscommunication");
        }
    }

    private static void fixAfterDisruption(IssueState issue, ScoringModel model, PointBuilder point) {
        if (issue.disruptionAt() == null || issue.disruptionFixed() || !issue.disruptionPlanned()) {
            return;
        }
        Duration target = issue.targets(model).resolve();
        Duration took = Duration.between(issue.disruptionAt(), point.at());
        boolean beforeDeadline = issue.resolveBy() == null || !point.at().isAfter(issue.resolveBy());
        if (took.compareTo(target) <= 0 && beforeDeadline) {
            point.trust(model.trust().fixInTargetAfterDisruption(), "004.quick-fix-after-disruption",
                    "made it happen quickly: fixed " + Wording.duration(took) + " after the disruption; "
                            + issue.targetWording() + " " + Wording.duration(target));
        }
    }
}
