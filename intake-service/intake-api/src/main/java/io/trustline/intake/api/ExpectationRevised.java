package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The expectation of a reported issue moved (seed 001): the client or the provider changed who is affected, what it
 * impacts, when it must be resolved, where or how, for a stated reason. Follows the issue's {@link ExpectationSet}
 * and any earlier revision; each revision is judged against the expectation in force just before it.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#EXPECTATION_REVISED}, subject the {@code clientId}.
 *
 * @param tenantId            the provider (MSP) whose client holds the expectation. Required. Since v1.
 * @param clientId            the client organisation; also the CloudEvent subject. Required. Since v1.
 * @param issueId             the issue, as in its {@link IssueReported}. Required. Since v1.
 * @param occurredAt          when the revision was asked for: the caller's {@code occurredAt} for one recorded
 *                            after the fact (never in the future, never before the report), else when intake recorded
 *                            it. Not when this event was published. Required. Since v1.
 * @param changes             the parts that changed, each before and after; unchanged parts are absent. Required.
 *                            Since v1.
 * @param expectation         the whole expectation in force from this revision on (the changed parts and the kept
 *                            ones), so a consumer needs no earlier event to know it. Required. Since v1.
 * @param reason              why the expectation moved, free text of 1 to 1000 characters. Required. Since v1.
 * @param requestedBy         which side asked for the revision. Required. Since v1.
 * @param askedBeforeDeadline whether it was asked for at or before the {@code resolveBy} in force until now (the
 *                            "before" of {@code changes.when}, or of {@code expectation.when} when WHEN did not
 *                            change): asking for more time before the deadline is not the same as after missing it.
 *                            Optional: absent only when no deadline was in force, which v1 expectations, whose
 *                            {@code resolveBy} is required, never have. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpectationRevised(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        ExpectationChanges changes,
        Expectation expectation,
        String reason,
        RequestedBy requestedBy,
        Boolean askedBeforeDeadline) {

    public ExpectationRevised {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
