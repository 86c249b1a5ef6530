package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident service started tracking the provider's response to a reported issue. It opens one for every
 * {@code IssueReported} it consumes and dates it from the report, so response times (how soon an action plan
 * or an update came) count from the report, however late the incident service received it.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#INCIDENT_OPENED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue responded to, as in the intake service's {@code IssueReported}; the incident has
 *                   no id of its own. Required. Since v1.
 * @param occurredAt when the issue was reported: the {@code occurredAt} of its {@code IssueReported}, not when
 *                   the incident service received that event nor when this one was published. Required.
 *                   Since v1.
 * @param summary    a one-line summary of the issue, copied from its report so that readers of this topic need
 *                   not join with intake. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentOpened(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        String summary) {

    public IncidentOpened {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
    }
}
