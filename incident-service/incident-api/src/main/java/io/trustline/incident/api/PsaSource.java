package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The PSA ticket a moment was recorded from: the incident service learnt it from the PSA (through intake's
 * {@code PsaTicketUpdated}), not from a call to its API, and the event's {@code occurredAt} is then the PSA's
 * instant for it.
 *
 * @param psa              the PSA tool. Required. Since v1.
 * @param externalTicketId the ticket's id inside that tool, exactly as the tool shows it. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PsaSource(PsaTool psa, String externalTicketId) {

    public PsaSource {
        Objects.requireNonNull(psa, "psa");
        Objects.requireNonNull(externalTicketId, "externalTicketId");
    }
}
