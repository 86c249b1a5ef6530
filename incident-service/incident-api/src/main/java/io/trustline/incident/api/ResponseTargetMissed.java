package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.time.Instant;

/**
 * A response target of the issue passed without its response: no acknowledgement, or no action plan, by the
 * instant the latest {@link ResponseTargetsSet} named. Published once per phase and issue, by the incident
 * service's own scheduler, moments after the target passed.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#RESPONSE_TARGET_MISSED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt the target that passed ({@code acknowledgeBy} or {@code planBy}), not when the miss was
 *                   noticed. Required. Since v1.
 * @param phase      which response was missing. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseTargetMissed(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        ResponsePhase phase) {

    public ResponseTargetMissed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(phase, "phase");
    }
}
