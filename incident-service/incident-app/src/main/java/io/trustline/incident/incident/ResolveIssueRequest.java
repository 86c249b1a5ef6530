package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /incidents/{issueId}/resolution}: what was done to fix the issue. {@code occurredAt} only for a
 * moment recorded after the fact.
 */
public record ResolveIssueRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String summary,
        Instant occurredAt) {

    IncidentCommand.ResolveIssue toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.ResolveIssue(issueId, tenantId, summary, occurredAt, recordedAt);
    }
}
