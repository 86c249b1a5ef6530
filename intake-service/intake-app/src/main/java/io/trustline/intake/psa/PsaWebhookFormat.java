package io.trustline.intake.psa;

import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.ReceivingIntegration;
import java.util.Optional;

/** How one PSA's webhooks prove where they come from and describe a ticket. One CDI bean per {@link IntegrationKind}. */
public interface PsaWebhookFormat {

    IntegrationKind kind();

    /**
     * Checks the webhook came from the integration's PSA, before anything in it is read or acted upon.
     *
     * @throws WebhookNotAuthenticated when the signature or credentials are missing or wrong
     */
    void authenticate(ReceivingIntegration integration, WebhookRequest request);

    /**
     * The ticket change the webhook describes; empty for a webhook Trustline has nothing to do with, such as a
     * deleted ticket.
     *
     * @throws MalformedWebhook naming what is wrong: not JSON, not this PSA's shape, an entity other than a ticket
     */
    Optional<PsaTicketChange> read(WebhookRequest request);
}
