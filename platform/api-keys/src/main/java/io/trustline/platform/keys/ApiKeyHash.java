package io.trustline.platform.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an API key appears in {@code trustline.tenancy.api-keys=<tenant>:<hash>}: the lower-case hex SHA-256
 * of its UTF-8 bytes. The services hash a presented key with it, and the launchers and the test kit hash the
 * keys they configure with it, so both sides always agree.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String sha256Hex(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
