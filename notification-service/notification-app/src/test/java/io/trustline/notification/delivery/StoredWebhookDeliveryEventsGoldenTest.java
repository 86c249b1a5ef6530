package io.trustline.notification.delivery;

import io.trustline.testkit.golden.GoldenJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Freezes the JSON of every stored {@link WebhookDeliveryEvent} ({@code golden/stored/}). Replay reads these back
 * years later: when one fails, bump the event's {@code @Revision} and write an upcaster, never rewrite the file.
 */
class StoredWebhookDeliveryEventsGoldenTest {

    @Test
    void webhookDelivered_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookDeliveryEvent.WebhookDelivered("northwind-it",
                "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12", "0195a3d4-7e10-7a0c-9f3b-2d8c41e5a6b7",
                "io.trustline.intake.IssueReported.v1", "contoso-dental", 2, 204, 87, Instant.parse("2026-03-04T09:12:05Z")));
    }

    @Test
    void webhookDeliveryFailed_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookDeliveryEvent.WebhookDeliveryFailed("northwind-it",
                "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12", "0195a3d4-7e10-7a0c-9f3b-2d8c41e5a6b7",
                "io.trustline.intake.IssueReported.v1", "contoso-dental", 1, 503, null, 312,
                Instant.parse("2026-03-04T09:12:00Z"), Instant.parse("2026-03-04T09:12:05Z")));
    }
}
