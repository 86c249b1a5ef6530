package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A reported issue was linked to the ticket that tracks it in the provider's PSA tool. An issue is linked to one
 * ticket at most: linking the same ticket again publishes nothing, and a different one is refused. An issue reported
 * with a {@link IssueReported#psaTicket()} is linked from its report and publishes no {@code PsaTicketLinked}.
 *
 * <p>CloudEvent type {@value IntakeEventTypes#PSA_TICKET_LINKED}, subject the {@code clientId}.
 *
 * @param tenantId         the provider (MSP). Required. Since v1.
 * @param clientId         the client organisation; also the CloudEvent subject. Required. Since v1.
 * @param issueId          the issue, as in its {@link IssueReported}. Required. Since v1.
 * @param occurredAt       when intake recorded the link. Not when this event was published. Required. Since v1.
 * @param psa              the PSA tool that holds the ticket. Required. Since v1.
 * @param externalTicketId the ticket's id inside that tool, exactly as the tool shows it. Required. Since v1.
 * @param url              where a person opens the ticket, an absolute {@code http} or {@code https} URL. Optional:
 *                         null when not given. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PsaTicketLinked(
        String tenantId,
        String clientId,
        String issueId,
        Instant occurredAt,
        PsaTool psa,
        String externalTicketId,
        String url) {

    public PsaTicketLinked {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(psa, "psa");
        Objects.requireNonNull(externalTicketId, "externalTicketId");
    }
}
