package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.ExpectationChanges;
import io.trustline.intake.api.RequestedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to {@code PATCH /issues/{issueId}/expectation}: the expectation in force and the parts the revision
 * changed ({@code changed} empty, and nothing recorded, when every part given equals the one in force).
 */
public record ExpectationRevision(String issueId, String clientId, Expectation expectation, List<String> changed,
                                  String reason, RequestedBy requestedBy, Boolean askedBeforeDeadline,
                                  Instant occurredAt) {

    static ExpectationRevision of(IssueEvent.ExpectationRevised revised) {
        ExpectationChanges changes = ExpectationChanges.between(revised.before(), revised.after());
        List<String> changed = new ArrayList<>();
        if (changes.who() != null) {
            changed.add("who");
        }
        if (changes.what() != null) {
            changed.add("what");
        }
        if (changes.when() != null) {
            changed.add("when");
        }
        if (changes.where() != null) {
            changed.add("where");
        }
        if (changes.how() != null) {
            changed.add("how");
        }
        return new ExpectationRevision(revised.issueId(), revised.clientId(), revised.after(), List.copyOf(changed),
                revised.reason(), revised.requestedBy(), revised.askedBeforeDeadline(), revised.occurredAt());
    }

    static ExpectationRevision unchanged(Issue.Unchanged unchanged) {
        return new ExpectationRevision(unchanged.issueId(), unchanged.clientId(), unchanged.expectation(), List.of(),
                null, null, null, null);
    }
}
