package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.IssueReported;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.rules.ClientState.IssueState;

/**
 * Seed 003: chronic pain. One issue is a fact of IT; issue after issue within a short window
 * erodes trust, each one more than the last. (Repeated misses compound in {@link WhenAndHowRules}.)
 */
final class ChronicPainRules implements ScoringRules {

    @Override
    public void on(ClientEvent event, ClientState state, PointBuilder point) {
        if (!(event instanceof IssueReported reported)) {
            return;
        }
        IssueState issue = state.issue(reported);
        if (issue.reported()) {
            return; // the same issue reported again is not another issue
        }
        ScoringModel.Chronic chronic = state.model().chronic();
        int issuesInWindow = state.earlierIssueReportsWithin(chronic.window(), point.at()) + 1;
        int overAllowance = issuesInWindow - chronic.issuesBeforeChronic();
        if (overAllowance > 0) {
            point.trust(chronic.costPerChronicIssue() * overAllowance, "003.repeat-issues",
                    Wording.ordinal(issuesInWindow) + " issue in " + chronic.windowDays() + " days; more than "
                            + chronic.issuesBeforeChronic() + " is chronic pain");
        }
    }
}
