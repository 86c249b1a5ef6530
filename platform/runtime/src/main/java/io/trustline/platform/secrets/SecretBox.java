package io.trustline.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret with AES-256-GCM: a random 12-byte IV per value and the owning record's id as associated data,
 * so a sealed value opens only with the same key and only for the record it was sealed for. The stored form is
 * {@code v1:} followed by base64 of IV then ciphertext and tag. Each service names the configuration property its
 * key comes from, so that a failure tells an operator which one to fix.
 */
public final class SecretBox {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String property;

    private SecretBox(byte[] key, String property) {
        this.key = new SecretKeySpec(key, "AES");
        this.property = property;
    }

    /**
     * @param property  the configuration property the key was read from, named in failures
     * @param base64Key base64 of exactly 32 bytes
     * @throws IllegalArgumentException if it is not, saying so without echoing it
     */
    public static SecretBox fromBase64(String property, String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(property + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(property + " must be base64 of 32 bytes (AES-256), not " + key.length);
        }
        return new SecretBox(key, property);
    }

    public String seal(String plaintext, String recordId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, recordId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SecretNotOpened if the value was sealed with another key, for another record, or altered */
    public String open(String sealed, String recordId) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new SecretNotOpened(property, recordId);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (bytes.length <= IV_BYTES) {
                throw new SecretNotOpened(property, recordId);
            }
            byte[] iv = new byte[IV_BYTES];
            System.arraycopy(bytes, 0, iv, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, recordId);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretNotOpened(property, recordId);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String recordId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(recordId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored secret that does not open with the configured key for its record: a wrong key, or a moved value. */
    public static final class SecretNotOpened extends IllegalStateException {
        SecretNotOpened(String property, String recordId) {
            super("A stored secret of " + recordId + " does not open with the configured " + property
                    + " (another key, or a value moved from another record).");
        }
    }
}
