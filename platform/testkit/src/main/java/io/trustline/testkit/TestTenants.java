package io.trustline.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Two tenants with known API keys, configured (hashed) into every service under test. */
public final class TestTenants {

    public static final String TENANT_A = "tenant-a";
    public static final String API_KEY_A = "test-key-of-tenant-a";
    public static final String TENANT_B = "tenant-b";
    public static final String API_KEY_B = "test-key-of-tenant-b";

    private TestTenants() {
    }

    public static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }

    /** The value of {@code trustline.tenancy.api-keys} for both test tenants. */
    public static String apiKeysConfig() {
        return TENANT_A + ":" + sha256Hex(API_KEY_A) + "," + TENANT_B + ":" + sha256Hex(API_KEY_B);
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
