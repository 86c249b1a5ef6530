package io.trustline.incident.incident;

import io.trustline.incident.api.Channel;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/chases}: the client had to ask: how, and what. {@code occurredAt} only for a
 * moment recorded after the fact.
 */
@Schema(example = """
        {"channel": "PHONE", "asked": "Any news on the payroll export?"}""")
public record RecordClientChaseRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String asked,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.RecordClientChase toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.RecordClientChase(issueId, tenantId, channel, asked, occurredAt, recordedAt);
    }
}
