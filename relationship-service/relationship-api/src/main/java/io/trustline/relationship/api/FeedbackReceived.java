package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The client scored the provider: a customer-satisfaction (CSAT) score or a net-promoter (NPS) score, exactly one
 * of the two, with what they said.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#FEEDBACK_RECEIVED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) that was scored. Required. Since v1.
 * @param clientId   the client organisation that gave the feedback; also the CloudEvent subject. Required.
 *                   Since v1.
 * @param occurredAt when the client gave the feedback: the moment the caller gave when recording it after the
 *                   fact, otherwise the relationship service's clock when it was recorded; never more than
 *                   2 minutes ahead of that clock. Not when this event was published. Required. Since v1.
 * @param csat       customer satisfaction from 1 (very unsatisfied) to 5 (very satisfied). Optional: null when
 *                   the feedback is an NPS score; exactly one of {@code csat} and {@code nps} is present. Since v1.
 * @param nps        how likely the client is to recommend the provider, from 0 (not at all) to 10 (extremely):
 *                   9–10 promoter, 7–8 passive, 0–6 detractor. Optional: null when the feedback is a CSAT
 *                   score; exactly one of {@code csat} and {@code nps} is present. Since v1.
 * @param comment    what the client said with their score, in their words. Optional: null when nothing was said.
 *                   Since v1.
 * @param issueId    the issue the feedback is about, as in the intake service's {@code IssueReported}. Optional:
 *                   null for feedback on the relationship as a whole. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackReceived(
        String tenantId,
        String clientId,
        Instant occurredAt,
        Integer csat,
        Integer nps,
        String comment,
        String issueId) {

    public FeedbackReceived {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if ((csat == null) == (nps == null)) {
            throw new IllegalArgumentException("exactly one of csat and nps must be present, was csat " + csat
                    + " and nps " + nps);
        }
        if (csat != null && (csat < 1 || csat > 5)) {
            throw new IllegalArgumentException("csat must be from 1 to 5, was " + csat);
        }
        if (nps != null && (nps < 0 || nps > 10)) {
            throw new IllegalArgumentException("nps must be from 0 to 10, was " + nps);
        }
    }
}
