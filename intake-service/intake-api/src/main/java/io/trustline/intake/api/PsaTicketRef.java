package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A ticket in the provider's PSA tool (ConnectWise PSA, Autotask, HaloPSA, ...).
 *
 * @param psa              which PSA tool holds the ticket, free text as the caller sent it (not normalised);
 *                         by convention {@code CONNECTWISE}, {@code AUTOTASK} or {@code HALOPSA}. Required.
 *                         Since v1.
 * @param externalTicketId the ticket's id inside that PSA tool, exactly as the PSA shows it. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PsaTicketRef(String psa, String externalTicketId) {

    public PsaTicketRef {
        Objects.requireNonNull(psa, "psa");
        Objects.requireNonNull(externalTicketId, "externalTicketId");
    }
}
