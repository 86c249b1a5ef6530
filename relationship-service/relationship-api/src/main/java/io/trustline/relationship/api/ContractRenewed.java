package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client renewed their contract with the provider.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#CONTRACT_RENEWED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) whose contract was renewed. Required. Since v1.
 * @param clientId   the client organisation that renewed; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when the client renewed (signed): the moment the caller gave when recording it after the
 *                   fact, otherwise the relationship service's clock when it was recorded; never more than
 *                   2 minutes ahead of that clock. Not when this event was published. Required. Since v1.
 * @param termMonths how long the renewed contract runs, in whole months, from 1 to 120. Required. Since v1.
 * @param value      what the renewed contract is worth over its whole term. Optional: null when the provider
 *                   did not record it. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractRenewed(
        String tenantId,
        String clientId,
        Instant occurredAt,
        Integer termMonths,
        Money value) {

    public ContractRenewed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(termMonths, "termMonths");
        if (termMonths < 1 || termMonths > 120) {
            throw new IllegalArgumentException("termMonths must be from 1 to 120, was " + termMonths);
        }
    }
}
