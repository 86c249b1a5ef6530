package io.trustline.testkit;

import static io.trustline.platform.keys.ApiKeyHash.sha256Hex;

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
}
