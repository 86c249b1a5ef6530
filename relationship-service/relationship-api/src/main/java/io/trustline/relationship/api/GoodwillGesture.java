package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone at the provider did something personal for the client that no contract asked for (seed 000: the
 * flowers a tech brought a stressed client after fixing her email).
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#GOODWILL_GESTURE}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) whose people made the gesture. Required. Since v1.
 * @param clientId   the client organisation it was made to; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when the gesture was made: the moment the caller gave when recording it after the fact,
 *                   otherwise the relationship service's clock when it was recorded; never more than 2 minutes
 *                   ahead of that clock. Not when this event was published. Required. Since v1.
 * @param gesture    what was done, and for whom at the client (free text). Required. Since v1.
 * @param by         who at the provider made the gesture, as a name or a role (free text, not a user id).
 *                   Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoodwillGesture(
        String tenantId,
        String clientId,
        Instant occurredAt,
        String gesture,
        String by) {

    public GoodwillGesture {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(gesture, "gesture");
        Objects.requireNonNull(by, "by");
    }
}
