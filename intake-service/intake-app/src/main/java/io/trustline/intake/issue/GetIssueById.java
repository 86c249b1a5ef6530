package io.trustline.intake.issue;

/** Query for one issue of one tenant. */
public record GetIssueById(String tenantId, String issueId) {
}
