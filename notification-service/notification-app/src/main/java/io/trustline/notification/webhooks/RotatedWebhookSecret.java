package io.trustline.notification.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a rotation: the new secret, shown only here; deliveries carry signatures with both the new and the
 * previous secret until {@code previousSecretExpiresAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RotatedWebhookSecret(
        String endpointId,
        @Schema(description = "The new signing secret (whsec_ and base64 of 32 bytes), shown only here",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,
        Instant rotatedAt,
        @Schema(description = "Until when deliveries are also signed with the previous secret; absent when the "
                + "endpoint had none")
        Instant previousSecretExpiresAt) {
}
