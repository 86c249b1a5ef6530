package io.trustline.relationship.moments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code PUT /clients/{clientId}/meeting-cadence}: the longest the client should go without a meeting, in days;
 * {@code occurredAt} only for an agreement recorded after the fact.
 */
public record AgreeMeetingCadenceRequest(
        @NotNull @Min(1) @Max(366) Integer everyDays,
        Instant occurredAt) {

    RelationshipCommand.AgreeMeetingCadence toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.AgreeMeetingCadence(tenantId, clientId, everyDays, occurredAt, recordedAt);
    }
}
