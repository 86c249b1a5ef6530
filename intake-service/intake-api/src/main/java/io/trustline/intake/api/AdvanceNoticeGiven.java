package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client told the provider ahead of time that something is coming and by when it must be ready (seed 001: "once
 * you've decided to hire someone, let your IT provider know right away"), instead of dropping it on them as a fire
 * drill. Its {@link AdvanceNoticeFulfilled} follows once the provider has delivered.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#ADVANCE_NOTICE_GIVEN}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) that was told. Required. Since v1.
 * @param clientId   the client organisation that gave the notice; also the CloudEvent subject. Required. Since v1.
 * @param noticeId   the notice, as {@code /advance-notices/{noticeId}} names it. Required. Since v1.
 * @param occurredAt when the client gave the notice: the caller's {@code givenAt} for a notice recorded after the fact
 *                   (never in the future), else when intake recorded it. Not when this event was published. Required.
 *                   Since v1.
 * @param summary    what is coming, in the client's words, one line of 1 to 200 characters (e.g. "new hire starts
 *                   Monday: laptop, accounts and a desk phone"). Required. Since v1.
 * @param neededBy   the instant by which it must be ready; always after {@code occurredAt}. Required. Since v1.
 * @param leadTime   how far ahead the notice was given: {@code neededBy} minus {@code occurredAt}, an ISO-8601
 *                   duration string as {@link Duration#toString()} writes it, in hours, minutes and seconds
 *                   ({@code PT144H} for six days, never days or larger units); positive. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdvanceNoticeGiven(
        String tenantId,
        String clientId,
        String noticeId,
        Instant occurredAt,
        String summary,
        Instant neededBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration leadTime) {

    public AdvanceNoticeGiven {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(neededBy, "neededBy");
        Objects.requireNonNull(leadTime, "leadTime");
        if (!leadTime.equals(Duration.between(occurredAt, neededBy)) || leadTime.isNegative() || leadTime.isZero()) {
            throw new IllegalArgumentException("leadTime must be neededBy minus occurredAt and positive, was " + leadTime);
        }
    }
}
