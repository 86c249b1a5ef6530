package io.trustline.notification.webhooks;

import io.trustline.testkit.golden.GoldenJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Freezes the JSON of every stored {@link WebhookEndpointEvent} as the event store writes it
 * ({@code golden/stored/}). Replay reads these back years later, so a failure here is never fixed by rewriting
 * the file: bump the event's {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredWebhookEndpointEventsGoldenTest {

    @Test
    void webhookEndpointRegistered_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointRegistered(
                "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12", "northwind-it",
                "https://hooks.partner-dashboard.example/trustline/northwind-it",
                List.of("io.trustline.intake.IssueReported.v1", "io.trustline.incident.ActionPlanIssued.v1"),
                Instant.parse("2026-03-01T16:40:12Z")));
    }

    @Test
    void webhookEndpointDisabled_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointDisabled(
                "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12", "northwind-it", WebhookEndpointEvent.DisabledReason.GONE,
                "answered 410 Gone to io.trustline.intake.IssueReported.v1 0195a3d4-7e10-7a0c-9f3b-2d8c41e5a6b7",
                Instant.parse("2026-03-04T09:15:02Z")));
    }
}
