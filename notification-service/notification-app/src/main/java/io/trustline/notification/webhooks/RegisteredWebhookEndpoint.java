package io.trustline.notification.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a registration: the endpoint, and the only time its signing secret is shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredWebhookEndpoint(
        String endpointId, String url, List<String> eventTypes, String filter, List<String> clientIds,
        String description, Instant registeredAt,
        @Schema(description = "As registered; absent without a backfill") Instant backfillFrom,
        @Schema(description = "The Standard Webhooks signing secret (whsec_ and base64 of 32 bytes). Shown only here "
                + "(and to a retry with the same Idempotency-Key); keep it to verify webhook-signature.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static RegisteredWebhookEndpoint of(WebhookEndpointDetails endpoint, String secret) {
        return new RegisteredWebhookEndpoint(endpoint.endpointId(), endpoint.url(), endpoint.eventTypes(),
                endpoint.filter(), endpoint.clientIds(), endpoint.description(), endpoint.registeredAt(),
                endpoint.backfillFrom(), secret);
    }
}
