package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client referred someone to the provider: they vouched for it with their own name.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#REFERRAL_GIVEN}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) the client referred someone to. Required. Since v1.
 * @param clientId   the client organisation that gave the referral; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param occurredAt when the client gave the referral: the moment the caller gave when recording it after the
 *                   fact, otherwise the relationship service's clock when it was recorded; never more than
 *                   2 minutes ahead of that clock. Not when this event was published. Required. Since v1.
 * @param referred   who was referred: an organisation or a person, as the client named them (free text).
 *                   Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralGiven(
        String tenantId,
        String clientId,
        Instant occurredAt,
        String referred) {

    public ReferralGiven {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referred, "referred");
    }
}
