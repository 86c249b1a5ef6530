package io.trustline.intake.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** For the webhook receivers: an integration's credentials, decrypted. */
@ApplicationScoped
public class IntegrationSecrets {

    @Inject
    Integrations integrations;

    /**
     * The credentials of the tenant's integration, or empty when the tenant has no integration with that id.
     *
     * @throws IllegalStateException when no {@code trustline.integrations.secret-key} is configured, or a stored
     *         secret does not open with it
     */
    public Optional<IntegrationCredentials> decrypted(String tenantId, String integrationId) {
        return integrations.credentials(tenantId, integrationId);
    }

    /**
     * The integration a webhook was sent to, with its tenant and decrypted credentials; empty when no integration has
     * that id. The webhook carries no API key: the integration id in its URL decides the tenant, and the PSA's
     * signature or credentials must prove it.
     *
     * @throws IllegalStateException as {@link #decrypted}
     */
    public Optional<ReceivingIntegration> receiving(String integrationId) {
        return integrations.receiving(integrationId);
    }
}
