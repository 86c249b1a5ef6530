package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider delivered what a client's {@link AdvanceNoticeGiven} announced, on time or late. Once per notice. It
 * repeats the notice's facts (summary, when it was given, when it was needed, the lead time), so a consumer judging
 * the fulfilment needs no earlier event.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#ADVANCE_NOTICE_FULFILLED}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP). Required. Since v1.
 * @param clientId   the client organisation that gave the notice; also the CloudEvent subject. Required. Since v1.
 * @param noticeId   the notice, as in its {@link AdvanceNoticeGiven}. Required. Since v1.
 * @param occurredAt when the provider delivered it, as the caller stated ({@code fulfilledAt}: never in the future,
 *                   never before the notice was given). Not when this event was published. Required. Since v1.
 * @param summary    what was announced, as in the {@link AdvanceNoticeGiven}. Required. Since v1.
 * @param givenAt    when the notice was given: the {@link AdvanceNoticeGiven#occurredAt()}. Required. Since v1.
 * @param neededBy   when it had to be ready, as in the {@link AdvanceNoticeGiven}. Required. Since v1.
 * @param leadTime   how far ahead the notice was given, {@code neededBy} minus {@code givenAt}, an ISO-8601 duration
 *                   string in hours, minutes and seconds as in {@link AdvanceNoticeGiven#leadTime()}; positive.
 *                   Required. Since v1.
 * @param onTime     whether it was delivered at or before {@code neededBy} ({@code occurredAt <= neededBy}). Required.
 *                   Since v1.
 * @param lateness   how late it was, {@code occurredAt} minus {@code neededBy}, an ISO-8601 duration string in hours,
 *                   minutes and seconds; positive. Present exactly when {@code onTime} is false, absent otherwise.
 *                   Since v1.
 * @param note       what the provider said about the delivery, free text of up to 1000 characters. Optional: absent
 *                   when none was given. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdvanceNoticeFulfilled(
        String tenantId,
        String clientId,
        String noticeId,
        Instant occurredAt,
        String summary,
        Instant givenAt,
        Instant neededBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration leadTime,
        Boolean onTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration lateness,
        String note) {

    public AdvanceNoticeFulfilled {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(givenAt, "givenAt");
        Objects.requireNonNull(neededBy, "neededBy");
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(onTime, "onTime");
        if (!leadTime.equals(Duration.between(givenAt, neededBy)) || leadTime.isNegative() || leadTime.isZero()) {
            throw new IllegalArgumentException("leadTime must be neededBy minus givenAt and positive, was " + leadTime);
        }
        if (onTime != !occurredAt.isAfter(neededBy)) {
            throw new IllegalArgumentException("onTime must say whether occurredAt is at or before neededBy, was " + onTime);
        }
        if (onTime ? lateness != null : !Duration.between(neededBy, occurredAt).equals(lateness)) {
            throw new IllegalArgumentException("lateness must be occurredAt minus neededBy when late, absent when on time, was "
                    + lateness);
        }
    }
}
