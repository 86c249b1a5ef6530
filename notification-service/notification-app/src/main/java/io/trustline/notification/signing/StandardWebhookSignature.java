package io.trustline.notification.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Standard Webhooks signature: {@code v1,} and base64 of HMAC-SHA256 over {@code <id>.<timestamp>.<body>}, keyed
 * with the base64-decoded part of the secret after {@code whsec_}.
 */
final class StandardWebhookSignature {

    static final String SECRET_PREFIX = "whsec_";

    private StandardWebhookSignature() {
    }

    /**
     * @param secret           {@code whsec_} and base64 of the key
     * @param messageId        the {@code webhook-id}
     * @param timestampSeconds the {@code webhook-timestamp}, unix seconds
     * @param body             the exact bytes sent
     */
    static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
