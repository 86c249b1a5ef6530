package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client turned down a competitor's offer and stayed with the provider (seed 004: loyalty is refusing a
 * momentarily better option).
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#COMPETITOR_OFFER_DECLINED}, subject the {@code clientId}.
 *
 * @param tenantId    the provider (MSP) the client stayed with. Required. Since v1.
 * @param clientId    the client organisation that declined; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt  when the client declined: the moment the caller gave when recording it after the fact,
 *                    otherwise the relationship service's clock when it was recorded; never more than 2 minutes
 *                    ahead of that clock. Not when this event was published. Required. Since v1.
 * @param competitor  who made the offer, as the client named them (free text). Required. Since v1.
 * @param offer       what the competitor offered (price, terms, services), as the provider learnt it. Required.
 *                    Since v1.
 * @param clientWords why the client declined, in their own words. Optional: null when not recorded. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompetitorOfferDeclined(
        String tenantId,
        String clientId,
        Instant occurredAt,
        String competitor,
        String offer,
        String clientWords) {

    public CompetitorOfferDeclined {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(competitor, "competitor");
        Objects.requireNonNull(offer, "offer");
    }
}
