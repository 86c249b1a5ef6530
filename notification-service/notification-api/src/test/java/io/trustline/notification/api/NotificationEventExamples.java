package io.trustline.notification.api;

import java.time.Instant;
import java.util.List;

/**
 * Fully populated examples of every notification event, equal to the golden JSON files under {@code golden/}
 * on the test classpath.
 */
public final class NotificationEventExamples {

    public static final String TENANT_ID = "northwind-it";
    public static final String ENDPOINT_ID = "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12";

    private NotificationEventExamples() {
    }

    /** A partner dashboard subscribing to reported issues and action plans; equal to its golden file. */
    public static WebhookEndpointRegistered webhookEndpointRegistered() {
        return new WebhookEndpointRegistered(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-01T16:40:12Z"),
                "https://hooks.partner-dashboard.example/trustline/northwind-it",
                List.of("io.trustline.intake.IssueReported.v1", "io.trustline.incident.ActionPlanIssued.v1"));
    }

    /** The partner dashboard's endpoint got a new signing secret; the previous one signs for another day. */
    public static WebhookEndpointSecretRotated webhookEndpointSecretRotated() {
        return new WebhookEndpointSecretRotated(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-04T09:15:00Z"),
                Instant.parse("2026-03-05T09:15:00Z"));
    }
}
