package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The client judged the latest {@link IssueResolved} against their own criteria for "resolved" (the HOW of
 * the expectation, seed 001): met or not. A confirmation closes the incident either way; the provider
 * reopens it with {@link IssueReopened} to work on.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#RESOLUTION_CONFIRMED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId   the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt when the client gave their verdict: the moment the caller gave when recording it after the
 *                   fact, otherwise the incident service's clock when it was recorded; never before the
 *                   incident's {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not
 *                   when this event was published. Required. Since v1.
 * @param howCriteriaMet whether the client considers their criteria for "resolved" met. Required. Since v1.
 * @param checks     the result of each of the client's acceptance checks, in the order given; unmodifiable.
 *                   Optional: empty (never null) when none was reported. Since v1.
 * @param comment    what the client said with their verdict. Optional: null when nothing was said. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolutionConfirmed(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Boolean howCriteriaMet,
        List<AcceptanceCheckResult> checks,
        String comment) {

    public ResolutionConfirmed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(howCriteriaMet, "howCriteriaMet");
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
