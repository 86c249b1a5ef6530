package io.trustline.intake.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** For other slices: a tenant's integration, without its secrets; another tenant's reads as absent. */
@ApplicationScoped
public class TenantIntegrations {

    @Inject
    Integrations integrations;

    public Optional<IntegrationDetails> find(String tenantId, String integrationId) {
        return integrations.find(tenantId, integrationId);
    }
}
