package io.trustline.incident.incident;

import io.trustline.incident.api.Channel;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /incidents/{issueId}/updates}: the update the client got unasked and how. {@code occurredAt} only
 * for a moment recorded after the fact.
 */
public record SendProactiveUpdateRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String message,
        @NotNull Channel channel,
        Instant occurredAt) {

    IncidentCommand.SendProactiveUpdate toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.SendProactiveUpdate(issueId, tenantId, message, channel, occurredAt, recordedAt);
    }
}
