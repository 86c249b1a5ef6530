package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/reopening}: why the resolved issue is open again. {@code occurredAt} only for
 * a moment recorded after the fact.
 */
@Schema(example = """
        {"reason": "The export fails again at 80%."}""")
public record ReopenIssueRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String reason,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.ReopenIssue toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.ReopenIssue(issueId, tenantId, reason, occurredAt, recordedAt);
    }
}
