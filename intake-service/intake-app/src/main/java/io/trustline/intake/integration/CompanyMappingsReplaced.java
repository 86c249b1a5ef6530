package io.trustline.intake.integration;

/**
 * The tenant replaced an integration's company mappings (CDI event, observed synchronously: parked PSA tickets of
 * companies mapped now are recorded before the {@code PUT} answers).
 */
public record CompanyMappingsReplaced(String tenantId, String integrationId) {
}
