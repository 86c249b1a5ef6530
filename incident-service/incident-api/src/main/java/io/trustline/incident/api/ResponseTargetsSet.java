package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The deadlines an incident is held to, learnt from the client's expectation (intake's {@code ExpectationSet}) and
 * the provider's response policy for that impact and scope. Published again only when they change; the latest one
 * of an issue is the one that counts. Whoever judges the response (the trust score) judges it against these.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#RESPONSE_TARGETS_SET}, subject the {@code clientId}.
 *
 * @param tenantId      the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId      the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                      Since v1.
 * @param issueId       the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt    when the incident learnt the expectation these targets follow from (the expectation's own
 *                      {@code occurredAt}). Not when this event was published. Required. Since v1.
 * @param acknowledgeBy the instant by which the issue is to be acknowledged: the incident's opening (the report)
 *                      plus the policy's time to acknowledge. Required. Since v1.
 * @param planBy        the instant by which an action plan is to be issued: the report plus the policy's time to
 *                      issue one. Required. Since v1.
 * @param updateEvery   the longest the client may go without a proactive update while the issue is open, an
 *                      ISO-8601 duration string such as {@code PT1H}; positive. Required. Since v1.
 * @param resolveBy     the instant by which the issue is to be resolved: the client's own {@code resolveBy} when
 *                      they gave one, otherwise the report plus the policy's time to resolve. Required. Since v1.
 * @param policyVersion the version of the provider's response policy the targets came from; 0 is the built-in
 *                      policy (the targets of the scoring model {@code trustline-default@1}), 1 and up the
 *                      provider's own. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseTargetsSet(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Instant acknowledgeBy,
        Instant planBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration updateEvery,
        Instant resolveBy,
        int policyVersion) {

    public ResponseTargetsSet {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(acknowledgeBy, "acknowledgeBy");
        Objects.requireNonNull(planBy, "planBy");
        Objects.requireNonNull(updateEvery, "updateEvery");
        Objects.requireNonNull(resolveBy, "resolveBy");
        if (updateEvery.isNegative() || updateEvery.isZero()) {
            throw new IllegalArgumentException("updateEvery must be positive, was " + updateEvery);
        }
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policyVersion must not be negative, was " + policyVersion);
        }
    }
}
