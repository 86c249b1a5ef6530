package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/resolution}: what was done to fix the issue. {@code occurredAt} only for a
 * moment recorded after the fact.
 */
@Schema(example = """
        {"summary": "Payroll VM restarted, export tested end to end."}""")
public record ResolveIssueRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String summary,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.ResolveIssue toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.ResolveIssue(issueId, tenantId, summary, occurredAt, recordedAt);
    }
}
