package io.trustline.incident.incident;

import io.trustline.incident.api.Discovery;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/disruptions}: a disruption the provider owns, and who brought it to light.
 * {@code occurredAt} only for a moment recorded after the fact.
 */
@Schema(example = """
        {"discovery": "DISCLOSED_BY_PROVIDER", "whatHappened": "Our patch window restarted the payroll VM during the export."}""")
public record AdmitServiceDisruptionRequest(
        @NotNull Discovery discovery,
        @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String whatHappened,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.AdmitServiceDisruption toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.AdmitServiceDisruption(issueId, tenantId, discovery, whatHappened, occurredAt, recordedAt);
    }
}
