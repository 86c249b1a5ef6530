package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /incidents/{issueId}/action-plan}: what will be done, who owns it, and optionally by when;
 * {@code occurredAt} only for a plan recorded after the fact.
 */
public record IssueActionPlanRequest(
        @NotNull @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String> steps,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String owner,
        Instant eta,
        Instant occurredAt) {

    IncidentCommand.IssueActionPlan toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.IssueActionPlan(issueId, tenantId, steps, owner, eta, occurredAt, recordedAt);
    }
}
