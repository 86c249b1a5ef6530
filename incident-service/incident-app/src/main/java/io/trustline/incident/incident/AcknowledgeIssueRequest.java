package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/acknowledgement}: who took the issue on and what they told the client. {@code
 * occurredAt} only for a moment recorded after the fact.
 */
@Schema(example = """
        {"by": "Sam Tech", "note": "On it: restarting the payroll VM now."}""")
public record AcknowledgeIssueRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String by,
        @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String note,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.AcknowledgeIssue toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.AcknowledgeIssue(issueId, tenantId, by, note, occurredAt, recordedAt);
    }
}
