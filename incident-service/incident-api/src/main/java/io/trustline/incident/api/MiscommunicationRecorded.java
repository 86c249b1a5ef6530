package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider recorded that something about an incident was misunderstood between it and the client (seed 004:
 * trust is built by how miscommunication is handled).
 *
 * <p>CloudEvent type {@value IncidentEventTypes#MISCOMMUNICATION_RECORDED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the misunderstanding came to light: the moment the caller gave when recording it after
 *                   the fact, otherwise the incident service's clock when it was recorded; never before the
 *                   incident's {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not
 *                   when this event was published. Required. Since v1.
 * @param misunderstanding what was misunderstood, as recorded. Required. Since v1.
 * @param misunderstoodBy which side misunderstood. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MiscommunicationRecorded(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        String misunderstanding,
        Party misunderstoodBy) {

    public MiscommunicationRecorded {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(misunderstanding, "misunderstanding");
        Objects.requireNonNull(misunderstoodBy, "misunderstoodBy");
    }
}
