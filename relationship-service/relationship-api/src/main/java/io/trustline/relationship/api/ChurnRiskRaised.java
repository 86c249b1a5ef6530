package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The client's churn-risk level went up (from NONE to LOW, or from LOW to HIGH, …). Derived by the relationship service from its live scoring (the risk at the end of the client's timeline
 * before and after an event), never from re-scoring a history under another model.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#CHURN_RISK_RAISED}, subject the {@code clientId}. The CloudEvent id is
 * derived from tenant, client, cause, model and type (a name-based UUID, version 5), so a redelivered cause
 * publishes this event again under the same id, never under another: consumers de-duplicate by id.
 *
 * @param tenantId      the provider (MSP). Required. Since v1.
 * @param clientId      the client organisation; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt    when the causing event occurred (also the CloudEvent {@code time}). Required. Since v1.
 * @param modelId       the scoring model that assessed the risk, {@code name@version}. Required. Since v1.
 * @param level         the client's churn-risk level after the event. Required. Since v1.
 * @param previousLevel the level before the event. Required. Since v1.
 * @param causeEventId  the CloudEvent id of the event after which the level changed. Required. Since v1.
 * @param causes        every cause found after the event, each naming its points (the cause event among them when it contributed); never empty. Required. Since v1.
 * @since v1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChurnRiskRaised(
        String tenantId,
        String clientId,
        Instant occurredAt,
        String modelId,
        ChurnRiskLevel level,
        ChurnRiskLevel previousLevel,
        String causeEventId,
        List<ChurnRiskCause> causes) {

    public ChurnRiskRaised {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(previousLevel, "previousLevel");
        Objects.requireNonNull(causeEventId, "causeEventId");
        causes = List.copyOf(Objects.requireNonNull(causes, "causes"));
        if (level.compareTo(previousLevel) <= 0) {
            throw new IllegalArgumentException("ChurnRiskRaised needs a level higher than the previous, was " + previousLevel
                    + " to " + level);
        }
    }
}
