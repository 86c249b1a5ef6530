package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The provider gave the client an action plan for an issue: the steps it will take, who owns them and,
 * when known, by when (seed 004: admit it, give the action plan, make it happen quickly).
 *
 * <p>CloudEvent type {@value IncidentEventTypes#ACTION_PLAN_ISSUED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) that issued the plan. Required. Since v1.
 * @param clientId   the client organisation the plan was given to; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param issueId    the issue the plan addresses, as in the intake service's {@code IssueReported}. Required.
 *                   Since v1.
 * @param occurredAt when the client got the plan: the moment the caller gave when recording it after the fact,
 *                   otherwise the incident service's clock when the plan was submitted; never before the
 *                   incident's {@link IncidentOpened} and never more than 2 minutes ahead of that clock. Not when
 *                   this event was published. Required. Since v1.
 * @param steps      the steps of the plan in the order they will be taken, each as told to the client;
 *                   unmodifiable. Required: at least one step. Since v1.
 * @param owner      the person or team at the provider who answers for the plan, named as the client was told
 *                   (free text, not a user id). Required. Since v1.
 * @param eta        when the provider expects the plan to be carried out. Optional: null when the provider
 *                   gave no estimate. Since v1.
 * @param source     the PSA ticket this was recorded from, when the incident service learnt it from the
 *                   provider's PSA rather than through its API; {@code occurredAt} is then the PSA's own
 *                   instant. Optional: null (absent) when recorded through the API. Since v1, optional.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionPlanIssued(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        List<String> steps,
        String owner,
        Instant eta,
        PsaSource source) {

    public ActionPlanIssued {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps must hold at least one step");
        }
        Objects.requireNonNull(owner, "owner");
    }
}
