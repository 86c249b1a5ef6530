package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import java.time.Instant;

/** The answer to {@code PUT /issues/{issueId}/expectation}: the expectation set, and when. */
public record ExpectationDetails(String issueId, String clientId, Expectation expectation, Instant setAt) {

    static ExpectationDetails of(IssueEvent.ExpectationSet set) {
        return new ExpectationDetails(set.issueId(), set.clientId(), set.expectation(), set.setAt());
    }

    static ExpectationDetails of(Issue.ExpectationInForce inForce) {
        return new ExpectationDetails(inForce.issueId(), inForce.clientId(), inForce.expectation(), inForce.setAt());
    }
}
