package io.trustline.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.platform.json.TrustlineJson;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Freezes the JSON of every stored {@link WebhookEndpointEvent} as the event store writes it
 * ({@code golden/stored/}). Replay reads these back years later, so a failure here is never fixed by rewriting
 * the file: bump the event's {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredWebhookEndpointEventsGoldenTest {

    private static final String ENDPOINT_ID = "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12";
    private static final String URL = "https://hooks.partner-dashboard.example/trustline/northwind-it";
    private static final List<String> TYPES =
            List.of("io.trustline.intake.IssueReported.v1", "io.trustline.incident.ActionPlanIssued.v1");

    @Test
    void webhookEndpointRegistered_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointRegistered(ENDPOINT_ID,
                "northwind-it", URL, TYPES, Instant.parse("2026-03-01T16:40:12Z"),
                "v1:3q2+7wAAAAAAAAAAkH0r5m4xV2Z0c2VjcmV0LWNpcGhlcnRleHQtYW5kLXRhZw==",
                "has(data.priority) && data.priority == \"CRITICAL\"", List.of("acme-dental", "globex"),
                "Partner dashboard: critical issues of two clients", Instant.parse("2026-02-01T00:00:00Z")));
    }

    /**
     * Revision 4 only added the optional description and backfillFrom, so revision 3 needs no upcaster: it reads with
     * neither, an endpoint without a note that receives live events only.
     */
    @Test
    void webhookEndpointRegistered_revisionThree_isStillRead_withoutADescriptionOrABackfill() throws Exception {
        assertThat(readStored("stored/WebhookEndpointEvent.WebhookEndpointRegistered.v3", "3")).isEqualTo(
                new WebhookEndpointEvent.WebhookEndpointRegistered(ENDPOINT_ID, "northwind-it", URL, TYPES,
                        Instant.parse("2026-03-01T16:40:12Z"),
                        "v1:3q2+7wAAAAAAAAAAkH0r5m4xV2Z0c2VjcmV0LWNpcGhlcnRleHQtYW5kLXRhZw==",
                        "has(data.priority) && data.priority == \"CRITICAL\"", List.of("acme-dental", "globex"), null,
                        null));
    }

    /**
     * Revision 3 only added the optional filter and client allow-list, so revision 2 needs no upcaster: it reads with
     * both null, an endpoint receiving every event of its types.
     */
    @Test
    void webhookEndpointRegistered_revisionTwo_isStillRead_withoutFilterOrAllowList() throws Exception {
        assertThat(readStored("stored/WebhookEndpointEvent.WebhookEndpointRegistered.v2", "2")).isEqualTo(
                new WebhookEndpointEvent.WebhookEndpointRegistered(ENDPOINT_ID, "northwind-it", URL, TYPES,
                        Instant.parse("2026-03-01T16:40:12Z"),
                        "v1:3q2+7wAAAAAAAAAAkH0r5m4xV2Z0c2VjcmV0LWNpcGhlcnRleHQtYW5kLXRhZw==", null, null, null, null));
    }

    /**
     * Revision 2 only added the sealed secret, so revision 1 needs no upcaster: the serializer reads it by class name
     * and leaves the secret null, an endpoint registered before deliveries were signed.
     */
    @Test
    void webhookEndpointRegistered_revisionOne_isStillRead_withoutASecret() throws Exception {
        Object read = readStored("stored/WebhookEndpointEvent.WebhookEndpointRegistered.v1", "1");

        assertThat(read).isEqualTo(new WebhookEndpointEvent.WebhookEndpointRegistered(ENDPOINT_ID, "northwind-it", URL,
                TYPES, Instant.parse("2026-03-01T16:40:12Z"), null, null, null, null, null));
    }

    private static Object readStored(String golden, String revision) throws Exception {
        Serializer store = JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();
        return store.deserialize(new SimpleSerializedObject<>(GoldenJson.mapper().writeValueAsString(GoldenJson.tree(golden)),
                String.class, WebhookEndpointEvent.WebhookEndpointRegistered.class.getName(), revision));
    }

    @Test
    void webhookEndpointSecretRotated_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointSecretRotated(ENDPOINT_ID,
                "northwind-it", "v1:Yq9m3k1xAAAAAAAAAAAAnew-secret-ciphertext-and-tag==",
                "v1:3q2+7wAAAAAAAAAAkH0r5m4xV2Z0c2VjcmV0LWNpcGhlcnRleHQtYW5kLXRhZw==",
                Instant.parse("2026-03-05T09:15:00Z"), Instant.parse("2026-03-04T09:15:00Z")));
    }

    @Test
    void webhookEndpointDisabled_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointDisabled(
                "0195a3d0-11b2-7c45-8e21-6f3a9b0c7d12", "northwind-it", WebhookEndpointEvent.DisabledReason.GONE,
                "answered 410 Gone to io.trustline.intake.IssueReported.v1 0195a3d4-7e10-7a0c-9f3b-2d8c41e5a6b7",
                Instant.parse("2026-03-04T09:15:02Z")));
    }

    @Test
    void webhookEndpointUpdated_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointUpdated(ENDPOINT_ID, "northwind-it",
                "https://hooks.partner-dashboard.example/trustline/v2/northwind-it", TYPES,
                "has(data.priority) && data.priority == \"CRITICAL\"", null, "Partner dashboard: critical issues",
                List.of("url", "filter", "clientIds", "description"), Instant.parse("2026-03-04T09:40:00Z")));
    }

    @Test
    void webhookEndpointEnabled_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointEnabled(ENDPOINT_ID, "northwind-it",
                WebhookEndpointEvent.DisabledReason.GONE, Instant.parse("2026-03-04T11:20:00Z")));
    }

    @Test
    void webhookEndpointDeleted_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new WebhookEndpointEvent.WebhookEndpointDeleted(ENDPOINT_ID, "northwind-it",
                Instant.parse("2026-03-06T08:00:00Z")));
    }
}
