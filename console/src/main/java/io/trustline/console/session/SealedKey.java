package io.trustline.console.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tenant's API key as a session stores it: AES-256-GCM under a key derived from the session id, which exists only
 * in the browser's cookie (the store keeps its SHA-256). Someone who reads {@code console_sessions} — a backup, a
 * replica, an operator — gets neither a session nor a key; each request brings the cookie that opens its own key.
 * No server-side secret to configure or rotate, and every console instance can open every session.
 */
final class SealedKey {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedKey() {
    }

    /** {@code base64(nonce ‖ ciphertext ‖ tag)}; the session's id hash is bound in as associated data. */
    static String seal(String apiKey, String sessionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, sessionId, nonce);
            byte[] sealed = cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + CIPHER, e);
        }
    }

    /** The key, or an exception when the sealed value was not made for this session id (or was altered). */
    static String open(String sealed, String sessionId) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("a sealed key of " + bytes.length + " bytes is too short");
        }
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, sessionId, nonce);
        return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, String sessionId, byte[] nonce) throws GeneralSecurityException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        // a label keeps this key apart from the id's plain SHA-256, which the store keeps as the session's _id
        byte[] key = sha256.digest(("trustline-console-session-key:" + sessionId).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Secrets.sha256Hex(sessionId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
