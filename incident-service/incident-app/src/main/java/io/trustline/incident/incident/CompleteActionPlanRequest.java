package io.trustline.incident.incident;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/action-plan/completion}: the latest action plan was carried out. {@code
 * occurredAt} only for a moment recorded after the fact.
 */
@Schema(example = """
        {"note": "VM restarted and the export re-run."}""")
public record CompleteActionPlanRequest(
        @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String note,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.CompleteActionPlan toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.CompleteActionPlan(issueId, tenantId, note, occurredAt, recordedAt);
    }
}
