package io.trustline.incident.incident;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * {@code POST /incidents/{issueId}/confirmation}: the client's verdict on the resolution against their own
 * criteria, check by check; {@code occurredAt} only for a moment recorded after the fact.
 */
@Schema(example = """
        {"howCriteriaMet": true, "checks": [{"check": "payroll export completes", "passed": true}], "comment": "The bank accepted the file."}""")
public record ConfirmResolutionRequest(
        @NotNull Boolean howCriteriaMet,
        @Size(max = 50) List<@NotNull @Valid Check> checks,
        @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String comment,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    /** One of the client's acceptance checks and whether it passed. */
    public record Check(
            @NotBlank @Size(max = 500) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
            @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String check,
            @NotNull Boolean passed) {
    }

    IncidentCommand.ConfirmResolution toCommand(String issueId, String tenantId, Instant recordedAt) {
        List<AcceptanceCheckResult> results = checks == null ? List.of()
                : checks.stream().map(c -> new AcceptanceCheckResult(c.check(), c.passed())).toList();
        return new IncidentCommand.ConfirmResolution(issueId, tenantId, howCriteriaMet, results, comment, occurredAt,
                recordedAt);
    }
}
