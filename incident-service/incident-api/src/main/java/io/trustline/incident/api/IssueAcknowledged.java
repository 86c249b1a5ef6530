package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider acknowledged a reported issue to the client: a person took it on and told the client so.
 * An incident is acknowledged at most once.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#ISSUE_ACKNOWLEDGED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the client was told: the moment the caller gave when recording it after the fact,
 *                   otherwise the incident service's clock when it was recorded; never before the incident's
 *                   {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not when this
 *                   event was published. Required. Since v1.
 * @param by         the person at the provider who acknowledged the issue, named as the client was told (free
 *                   text, not a user id). Required. Since v1.
 * @param note       what the provider said when acknowledging, as told to the client. Optional: null when
 *                   nothing was said beyond the acknowledgement. Since v1.
 * @param source     the PSA ticket this was recorded from, when the incident service learnt it from the
 *                   provider's PSA rather than through its API; {@code occurredAt} is then the PSA's own
 *                   instant. Optional: null (absent) when recorded through the API. Since v1, optional.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueAcknowledged(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        String by,
        String note,
        PsaSource source) {

    public IssueAcknowledged {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(by, "by");
    }
}
