package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.ExpectationMet;
import io.trustline.relationship.scoring.ClientEvent.ExpectationMissed;
import io.trustline.relationship.scoring.ClientEvent.ExpectationRevised;
import io.trustline.relationship.scoring.ClientEvent.IssueReopened;
import io.trustline.relationship.scoring.ClientEvent.Party;
import io.trustline.relationship.scoring.ClientEvent.ResolutionConfirmed;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.rules.ClientState.IssueState;
import java.time.Duration;

/**
 * Seed 001, WHEN and HOW: the client's deadline and their own words for "resolved" are the
 * measure. A miss costs in proportion to WHO x WHAT and compounds when misses repeat (seed 003);
 * asking for more time before the deadline costs far less than missing it.
 */
final class WhenAndHowRules implements ScoringRules {

    @Override
    public void on(ClientEvent event, ClientState state, PointBuilder point) {
        ScoringModel model = state.model();
        ScoringModel.TrustWeights weights = model.trust();
        if (event instanceof ExpectationMet met) {
            IssueState issue = state.issue(met);
            if (issue.metCounted()) {
                point.trust(0, "001.expectation-met", "expectation already counted as met");
            } else {
                point.trust(weights.expectationMet(), "001.expectation-met", "expectation met: when and how the client asked");
            }
        } else if (event instanceof ExpectationMissed missed) {
            missed(state, state.issue(missed), point);
        } else if (event instanceof ExpectationRevised revised) {
            revised(revised, state.issue(revised), model, point);
        } else if (event instanceof ResolutionConfirmed confirmed) {
            IssueState issue = state.issue(confirmed);
            if (issue.howCounted() && confirmed.howCriteriaMet()) {
                point.trust(0, "001.how-met", "the client confirmed again; a confirmation counts once");
            } else if (confirmed.howCriteriaMet()) {
                point.trust(weights.howCriteriaMet(), "001.how-met", "the client confirmed their own criteria for resolved are met");
            } else {
                point.trust(weights.howCriteriaNotMet(), "001.how-not-met",
                        "the client says their own criteria for resolved are not met");
            }
        } else if (event instanceof IssueReopened) {
            point.trust(weights.reopened(), "001.reopened", "the issue was reopened after it was resolved");
        }
    }

    private static void missed(ClientState state, IssueState issue, PointBuilder point) {
        ScoringModel model = state.model();
        ScoringModel.Chronic chronic = model.chronic();
        int missesInWindow = state.earlierMissesWithin(chronic.window(), point.at()) + 1;
        double compounding = 1 + chronic.missCompoundingPerPriorMiss() * (missesInWindow - 1);
        double amount = model.trust().expectationMissed() * issue.severity(model) * compounding;
        String repeat = missesInWindow == 1 ? "" : "; " + Wording.ordinal(missesInWindow) + " miss in "
                + chronic.windowDays() + " days (x" + Wording.number(compounding) + ", chronic pain)";
        point.trust(amount, missesInWindow == 1 ? "001.expectation-missed" : "003.repeated-misses",
                "expectation missed on " + issue.severityWording(model) + repeat);
    }

    private static void revised(ExpectationRevised revised, IssueState issue, ScoringModel model, PointBuilder point) {
        if (revised.requestedBy() == Party.CLIENT) {
            point.trust(0, "001.revised-by-client", "the client changed their expectation");
        } else if (issue.resolveBy() == null || !point.at().isAfter(issue.resolveBy())) {
            String ahead = issue.resolveBy() == null ? "" : ", "
                    + Wording.duration(Duration.between(point.at(), issue.resolveBy())) + " before the deadline";
            point.trust(model.trust().revisedByProviderBeforeDeadline(), "001.revised-in-time",
                    "we asked to revise the expectation in time" + ahead + " (a miss would cost "
                            + Wording.signed(model.trust().expectationMissed() * issue.severity(model)) + ")");
        } else {
            point.trust(model.trust().revisedByProviderAfterDeadline() * issue.severity(model), "001.revised-too-late",
                    "we asked to revise the expectation " + Wording.duration(Duration.between(issue.resolveBy(), point.at()))
                            + " after the deadline had passed, on " + issue.severityWording(model));
        }
    }
}
