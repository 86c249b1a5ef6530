package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The PSA ticket that tracks an issue changed, normalised across PSA tools: each PSA's own words for the response
 * milestones (ConnectWise {@code dateResponded} / {@code dateResplan} / {@code dateResolved}, Autotask
 * {@code firstResponseDateTime} / {@code resolutionPlanDateTime} / {@code resolvedDateTime}, HaloPSA's responded,
 * plan and resolution dates) become {@link #respondedAt}, {@link #planAt} and {@link #resolvedAt}.
 *
 * <p>Each event carries the ticket's milestones as known after the change, not only the one that moved: a milestone
 * once reported stays reported, even when a later webhook leaves it out. A webhook that changes nothing Trustline
 * tracks (a redelivery, an internal note, an older update arriving late) publishes nothing. The incident service
 * records each milestone once, with the PSA's instant and the PSA as its source.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#PSA_TICKET_UPDATED}, subject the {@code clientId}.
 *
 * @param tenantId         the provider (MSP). Required. Since v1.
 * @param clientId         the client organisation, from the integration's company mapping; also the CloudEvent
 *                         subject. Required. Since v1.
 * @param issueId          the issue the ticket became, as in its {@link IssueReported}. Required. Since v1.
 * @param occurredAt       when intake recorded the change. Not when this event was published. Required. Since v1.
 * @param psa              the PSA tool the change came from. Required. Since v1.
 * @param externalTicketId the ticket's id inside that tool, exactly as the tool shows it. Required. Since v1.
 * @param changedAt        when the PSA says the ticket changed (its last-updated instant). Optional: null when the
 *                         PSA did not say. Since v1.
 * @param status           the ticket's status in the PSA's own words ("In Progress", "Complete"), not normalised.
 *                         Optional: null when the PSA did not send it. Since v1.
 * @param respondedAt      when the provider first responded, by the PSA's clock. Optional: null until responded.
 *                         Since v1.
 * @param planAt           when the provider gave the resolution (action) plan, by the PSA's clock. Optional: null
 *                         until planned. Since v1.
 * @param resolvedAt       when the ticket was resolved, by the PSA's clock. Optional: null while unresolved, and
 *                         null again when the PSA reopened it. Since v1.
 * @param note             the customer-facing note this change added. Optional: null when it added none. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PsaTicketUpdated(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        PsaTool psa,
        String externalTicketId,
        Instant changedAt,
        String status,
        Instant respondedAt,
        Instant planAt,
        Instant resolvedAt,
        PsaNote note) {

    public PsaTicketUpdated {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(psa, "psa");
        Objects.requireNonNull(externalTicketId, "externalTicketId");
    }
}
