package io.trustline.intake.psa.connectwise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ConnectWise's callback signature: {@code x-content-signature} is base64(HMAC-SHA256(key, raw body)) where the key
 * is the SHA-256 digest of the signing key's UTF-8 bytes, not the signing key itself.
 */
final class CallbackSignature {

    private CallbackSignature() {
    }

    static byte[] of(String signingKey, byte[] body) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    /** The header decoded; null when it is not base64, which no key can match. */
    static byte[] decode(String header) {
        try {
            return Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal takes. */
    static boolean matches(String signingKey, byte[] body, byte[] signature) {
        return signature != null && MessageDigest.isEqual(of(signingKey, body), signature);
    }
}
