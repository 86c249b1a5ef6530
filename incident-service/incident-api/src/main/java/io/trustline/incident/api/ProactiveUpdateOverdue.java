package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The client went a whole {@code updateEvery} without a proactive update or other contact from the provider
 * (acknowledgement, action plan, plan completed, a disruption the provider disclosed) while the issue was open.
 * Published once per missed interval; the next interval counts from this one's {@code occurredAt}, so a
 * silent week with an hourly cadence is one event per hour, not a flood.
 *
 * <p>CloudEvent type {@value IncidentEventTypes#PROACTIVE_UPDATE_OVERDUE}, subject the {@code clientId}.
 *
 * @param tenantId    the provider (MSP) responding to the issue. Required. Since v1.
 * @param clientId    the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                    Since v1.
 * @param issueId     the issue, as in the intake service's {@code IssueReported}. Required. Since v1.
 * @param occurredAt  when the update became overdue: {@code since} plus {@code updateEvery}, not when it was
 *                    noticed. Required. Since v1.
 * @param since       the moment the missed interval counted from: the provider's last contact, the report, the
 *                    reopening, or the previous overdue moment. Required. Since v1.
 * @param updateEvery the cadence that was missed, an ISO-8601 duration string such as {@code PT1H}. Required.
 *                    Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProactiveUpdateOverdue(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        Instant since,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration updateEvery) {

    public ProactiveUpdateOverdue {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(updateEvery, "updateEvery");
    }
}
