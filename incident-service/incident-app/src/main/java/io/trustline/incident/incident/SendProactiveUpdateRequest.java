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
 * {@code POST /incidents/{issueId}/updates}: the update the client got unasked and how. {@code occurredAt} only
 * for a moment recorded after the fact.
 */
@Schema(example = """
        {"message": "The VM is restarting; next update within the hour.", "channel": "EMAIL"}""")
public record SendProactiveUpdateRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String message,
        @NotNull Channel channel,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.SendProactiveUpdate toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.SendProactiveUpdate(issueId, tenantId, message, channel, occurredAt, recordedAt);
    }
}
