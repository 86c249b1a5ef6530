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

    public static final String EVENT_ID = "0195a3d4-7e10-7a0c-9f3b-2d8c41e5a6b7";
    public static final String CLIENT_ID = "contoso-dental";

    private NotificationEventExamples() {
    }

    /** A partner dashboard subscribing to reported issues and action plans; equal to its golden file. */
    public static WebhookEndpointRegistered webhookEndpointRegistered() {
        return new WebhookEndpointRegistered(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-01T16:40:12Z"),
                "https://hooks.partner-dashboard.example/trustline/northwind-it",
                List.of("io.trustline.intake.IssueReported.v1", "io.trustline.incident.ActionPlanIssued.v1"), null, null,
                null, null);
    }

    /**
     * The same subscription narrowed to two clients' critical issues, described, with those since March 1st
     * delivered first; equal to its golden file {@code WebhookEndpointRegistered.filtered.v1.json}.
     */
    public static WebhookEndpointRegistered webhookEndpointRegisteredWithFilter() {
        return new WebhookEndpointRegistered(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-01T16:40:12Z"),
                "https://hooks.partner-dashboard.example/trustline/northwind-it",
                List.of("io.trustline.intake.IssueReported.v1", "io.trustline.incident.ActionPlanIssued.v1"),
                "has(data.priority) && data.priority == \"CRITICAL\"", List.of("acme-dental", "globex"),
                "Partner dashboard: critical issues of two clients", Instant.parse("2026-03-01T00:00:00Z"));
    }

    /** The endpoint answered 410 Gone and was disabled at once; equal to its golden file. */
    public static WebhookEndpointDisabled webhookEndpointDisabled() {
        return new WebhookEndpointDisabled(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-04T09:15:02Z"),
                WebhookEndpointDisabled.Reason.GONE, "answered 410 Gone to io.trustline.intake.IssueReported.v1 " + EVENT_ID);
    }

    /**
     * The tenant disabled the endpoint itself; equal to its golden file {@code WebhookEndpointDisabled.byTenant.v1.json}.
     */
    public static WebhookEndpointDisabled webhookEndpointDisabledByTenant() {
        return new WebhookEndpointDisabled(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-04T10:00:00Z"),
                WebhookEndpointDisabled.Reason.DISABLED_BY_TENANT, "disabled by the tenant");
    }

    /** The partner dashboard's endpoint narrowed to critical issues and moved to a new URL; equal to its golden file. */
    public static WebhookEndpointUpdated webhookEndpointUpdated() {
        return new WebhookEndpointUpdated(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-04T09:40:00Z"),
                "https://hooks.partner-dashboard.example/trustline/v2/northwind-it",
                List.of("io.trustline.intake.IssueReported.v1", "io.trustline.incident.ActionPlanIssued.v1"),
                "has(data.priority) && data.priority == \"CRITICAL\"", null, "Partner dashboard: critical issues",
                List.of("url", "filter", "description"));
    }

    /** The endpoint disabled after a 410 Gone was enabled again by its tenant; equal to its golden file. */
    public static WebhookEndpointEnabled webhookEndpointEnabled() {
        return new WebhookEndpointEnabled(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-04T11:20:00Z"),
                WebhookEndpointDisabled.Reason.GONE);
    }

    /** The tenant deleted the partner dashboard's endpoint; equal to its golden file. */
    public static WebhookEndpointDeleted webhookEndpointDeleted() {
        return new WebhookEndpointDeleted(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-06T08:00:00Z"));
    }

    /** An issue report delivered at the second attempt; equal to its golden file. */
    public static WebhookDelivered webhookDelivered() {
        return new WebhookDelivered(TENANT_ID, ENDPOINT_ID, EVENT_ID, "io.trustline.intake.IssueReported.v1", CLIENT_ID,
                2, 204, 87, Instant.parse("2026-03-04T09:12:05Z"));
    }

    /** A first attempt answered 503, the next one due five seconds later; equal to its golden file. */
    public static WebhookDeliveryFailed webhookDeliveryFailed() {
        return new WebhookDeliveryFailed(TENANT_ID, ENDPOINT_ID, EVENT_ID, "io.trustline.intake.IssueReported.v1",
                CLIENT_ID, 1, 503, null, 312, Instant.parse("2026-03-04T09:12:00Z"), Instant.parse("2026-03-04T09:12:05Z"));
    }

    /** The partner dashboard's endpoint got a new signing secret; the previous one signs for another day. */
    public static WebhookEndpointSecretRotated webhookEndpointSecretRotated() {
        return new WebhookEndpointSecretRotated(TENANT_ID, ENDPOINT_ID, Instant.parse("2026-03-04T09:15:00Z"),
                Instant.parse("2026-03-05T09:15:00Z"));
    }
}
