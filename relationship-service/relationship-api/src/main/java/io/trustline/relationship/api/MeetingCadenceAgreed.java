package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider and the client agreed how often they meet (seed 002). It replaces the cadence agreed before;
 * until a client has one, consumers assume their own default (the scoring model's is 30 days). Agreeing the
 * cadence already in force publishes nothing.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#MEETING_CADENCE_AGREED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP). Required. Since v1.
 * @param clientId   the client organisation; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when the cadence was agreed: the moment the caller gave when recording it after the fact,
 *                   otherwise the relationship service's clock when it was recorded; never more than 2 minutes
 *                   ahead of that clock and never before the cadence it replaces. Not when this event was
 *                   published. Required. Since v1.
 * @param everyDays  the longest the client should go without a meeting, in days, from 1 to 366. Required.
 *                   Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingCadenceAgreed(
        String tenantId,
        String clientId,
        Instant occurredAt,
        Integer everyDays) {

    public MeetingCadenceAgreed {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(everyDays, "everyDays");
        if (everyDays < 1 || everyDays > 366) {
            throw new IllegalArgumentException("everyDays must be from 1 to 366, was " + everyDays);
        }
    }
}
