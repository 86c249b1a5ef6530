package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A resolved issue turned out not to be resolved, or the client rejected the resolution: the incident is open
 * again.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#ISSUE_REOPENED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the issue was reopened: the moment the caller gave when recording it after the fact,
 *                   otherwise the incident service's clock when it was recorded; never before the incident's
 *                   {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not when this
 *                   event was published. Required. Since v1.
 * @param reason     why the issue was reopened. Required. Since v1.
 * @param source     the PSA ticket this was recorded from, when the incident service learnt it from the
 *                   provider's PSA rather than through its API; {@code occurredAt} is then the PSA's own
 *                   instant. Optional: null (absent) when recorded through the API. Since v1, optional.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueReopened(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        String reason,
        PsaSource source) {

    public IssueReopened {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reason, "reason");
    }
}
