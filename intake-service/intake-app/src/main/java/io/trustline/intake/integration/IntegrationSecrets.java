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
}
