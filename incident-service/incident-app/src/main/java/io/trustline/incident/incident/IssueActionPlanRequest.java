package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * {@code POST /incidents/{issueId}/action-plan}: what will be done, who owns it, and optionally by when;
 * {@code occurredAt} only for a plan recorded after the fact.
 */
@Schema(example = """
        {"steps": ["restart the payroll VM", "re-run the export"], "owner": "Sam Tech", "eta": "2099-03-02T12:00:00Z"}""")
public record IssueActionPlanRequest(
        @NotNull @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String> steps,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String owner,
        @Schema(description = "when the plan should be carried out by", example = "2099-03-02T12:00:00Z") Instant eta,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.IssueActionPlan toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.IssueActionPlan(issueId, tenantId, steps, owner, eta, occurredAt, recordedAt);
    }
}
