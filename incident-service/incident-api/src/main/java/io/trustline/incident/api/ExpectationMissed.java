package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The client's expectation was not met, in the dimensions named. Published in two moments: when
 * {@code resolveBy} passes with the issue unresolved ({@code [WHEN]}, {@code resolvedAt} absent, once per
 * deadline), and when the client confirms a resolution that came late, failed their criteria of how, or both.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#EXPECTATION_MISSED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt {@code resolveBy} itself when the deadline passed unresolved (not when it was noticed);
 *                   when the client confirmed the resolution otherwise. Required. Since v1.
 * @param dimensions what was missed, {@code WHEN} before {@code HOW}; one or both, never empty. Required. Since v1.
 * @param resolveBy  the deadline the issue was held to (the latest {@link ResponseTargetsSet}). Required. Since v1.
 * @param resolvedAt when the confirmed resolution happened; absent when the deadline passed unresolved.
 *                   Optional. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpectationMissed(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        List<ExpectationDimension> dimensions,
        Instant resolveBy,
        Instant resolvedAt) {

    public ExpectationMissed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(resolveBy, "resolveBy");
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("dimensions must name what was missed");
        }
    }
}
