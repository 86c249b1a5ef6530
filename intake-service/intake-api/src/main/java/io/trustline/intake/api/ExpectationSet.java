package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client's expectation for a reported issue was recorded: who is affected, what it impacts, when it must
 * be resolved, where it happens and how the client will judge it resolved (seed 001). Follows the issue's
 * {@link IssueReported}.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#EXPECTATION_SET}, subject the {@code clientId}.
 *
 * @param tenantId    the provider (MSP) whose client holds the expectation. Required. Since v1.
 * @param clientId    the client organisation; also the CloudEvent subject. Required. Since v1.
 * @param issueId     the issue the expectation is for, as in its {@link IssueReported}. Required. Since v1.
 * @param occurredAt  when the expectation was recorded; in v1 it comes with the report, so this is the
 *                    {@code occurredAt} of its {@link IssueReported}. Not when this event was published.
 *                    Required. Since v1.
 * @param expectation what the client expects. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpectationSet(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Expectation expectation) {

    public ExpectationSet {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(expectation, "expectation");
    }
}
