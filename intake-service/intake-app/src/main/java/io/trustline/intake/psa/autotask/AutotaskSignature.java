package io.trustline.intake.psa.autotask;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Autotask's webhook signature: {@code X-Hook-Signature: sha1=} followed by the base64 of the HMAC-SHA1 of the raw body
 * under the webhook's secret key.
 */
public final class AutotaskSignature {

    public static final String HEADER = "X-Hook-Signature";
    private static final String PREFIX = "sha1=";

    private AutotaskSignature() {
    }

    /** The header value Autotask sends with this body under this secret. */
    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return PREFIX + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is unavailable", e);
        }
    }

    /** Whether the header value sent is this body's signature; compared in constant time. */
    static boolean matches(String sent, String secret, byte[] body) {
        return sent != null && MessageDigest.isEqual(of(secret, body).getBytes(StandardCharsets.US_ASCII),
                sent.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
