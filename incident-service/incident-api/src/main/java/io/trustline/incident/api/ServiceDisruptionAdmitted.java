package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider admitted that it caused or failed to prevent a disruption of the client's service (seed 004: trust
 * is built by how screw-ups and disruptions are handled, starting with admitting them).
 *
 * <p>CloudEvent type {@value IncidentEventTypes#SERVICE_DISRUPTION_ADMITTED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the provider admitted it: the moment the caller gave when recording it after the fact,
 *                   otherwise the incident service's clock when it was recorded; never before the incident's
 *                   {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not when this
 *                   event was published. Required. Since v1.
 * @param discovery  whether the provider disclosed the disruption first or the client discovered it. Required.
 *                   Since v1.
 * @param whatHappened what happened, as the provider admitted it to the client. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceDisruptionAdmitted(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Discovery discovery,
        String whatHappened) {

    public ServiceDisruptionAdmitted {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(whatHappened, "whatHappened");
    }
}
