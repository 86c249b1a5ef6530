package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client had to ask the provider how an incident stands: the update they wanted had not come (seed 001).
 *
 * <p>CloudEvent type {@value IncidentEventTypes#CLIENT_CHASED_UPDATE}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the client asked: the moment the caller gave when recording it after the fact,
 *                   otherwise the incident service's clock when it was recorded; never before the incident's
 *                   {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not when this
 *                   event was published. Required. Since v1.
 * @param channel    how the client asked. Required. Since v1.
 * @param asked      what the client asked, in their words or as the provider noted them. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientChasedUpdate(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Channel channel,
        String asked) {

    public ClientChasedUpdate {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(asked, "asked");
    }
}
