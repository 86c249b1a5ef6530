package io.trustline.intake.integration;

/** An integration as its webhook receiver needs it: whose it is, which PSA, and how its webhooks authenticate. */
public record ReceivingIntegration(String tenantId, String id, IntegrationKind kind, IntegrationCredentials credentials) {
}
