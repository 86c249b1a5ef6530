package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client's expectation was met: when they confirmed the resolution, it had come by their {@code resolveBy}
 * and met their criteria of how. Published right after the {@link ResolutionConfirmed} it follows from, for an
 * issue with {@link ResponseTargetsSet}.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#EXPECTATION_MET}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the client confirmed the resolution. Required. Since v1.
 * @param resolveBy  the deadline the resolution was judged against (the latest {@link ResponseTargetsSet}).
 *                   Required. Since v1.
 * @param resolvedAt when the confirmed resolution happened; not after {@code resolveBy}. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpectationMet(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Instant resolveBy,
        Instant resolvedAt) {

    public ExpectationMet {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(resolveBy, "resolveBy");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}
