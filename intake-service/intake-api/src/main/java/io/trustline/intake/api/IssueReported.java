package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A client reported an issue to its provider. It is the first fact about an issue; what the client expects
 * from the resolution follows as {@link ExpectationSet}.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#ISSUE_REPORTED}, subject the {@code clientId}.
 *
 * @param tenantId    the provider (MSP) whose client reported the issue. Required. Since v1.
 * @param clientId    the client organisation that reported the issue; also the CloudEvent subject. Required.
 *                    Since v1.
 * @param issueId     the issue; every later intake and incident event about it carries the same id. Required.
 *                    Since v1.
 * @param occurredAt  when the intake service accepted the report (its clock at the {@code POST /issues}); a PSA
 *                    that forwards a ticket late makes it later than the client's call. For an issue reported by
 *                    a PSA ticket's webhook ({@code channel} {@code PSA}): when the PSA says the ticket was
 *                    created, or when the webhook arrived if the PSA did not say (or says a moment ahead of
 *                    intake's clock). Not when this event was published. Required. Since v1.
 * @param summary     a one-line summary of the issue, as reported. Required. Since v1.
 * @param description the issue in more detail, free text. Optional: null when none was given. Since v1.
 * @param reportedBy  the person who reported the issue. Required. Since v1.
 * @param channel     how the report reached the provider, free text as the caller sent it (not checked); by
 *                    convention {@code PHONE}, {@code EMAIL}, {@code PORTAL} or {@code PSA}. Optional: null when
 *                    not recorded. Since v1.
 * @param psaTicket   the ticket that tracks the issue in the provider's PSA tool. Optional: null when the issue
 *                    was reported outside a PSA and not yet linked to a ticket. Since v1.
 * @param priority    the priority given when the issue was reported. Optional: null when none was given.
 *                    Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssueReported(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        String summary,
        String description,
        Reporter reportedBy,
        String channel,
        PsaTicketRef psaTicket,
        Priority priority) {

    public IssueReported {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(reportedBy, "reportedBy");
    }
}
