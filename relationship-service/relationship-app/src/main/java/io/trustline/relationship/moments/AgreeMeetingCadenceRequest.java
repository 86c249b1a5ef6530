package io.trustline.relationship.moments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PUT /clients/{clientId}/meeting-cadence}: the longest the client should go without a meeting, in days;
 * {@code occurredAt} only for an agreement recorded after the fact.
 */
@Schema(example = """
        {"everyDays": 30}""")
public record AgreeMeetingCadenceRequest(
        @NotNull @Min(1) @Max(366) Integer everyDays,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Not before the cadence in force. Default: now") Instant occurredAt) {

    RelationshipCommand.AgreeMeetingCadence toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.AgreeMeetingCadence(tenantId, clientId, everyDays, occurredAt, recordedAt);
    }
}
