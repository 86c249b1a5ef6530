package io.trustline.platform.tenancy;

import static io.trustline.platform.keys.ApiKeyHash.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantApiKeysTest {

    @Test
    void aKeyIsRecognisedByItsHash_andOnlyThatKey() {
        TenantApiKeys keys = new TenantApiKeys("acme:" + sha256Hex("secret-a") + ", beta:"
                + sha256Hex("secret-b"));

        assertThat(keys.tenantOf("secret-a")).contains("acme");
        assertThat(keys.tenantOf("secret-b")).contains("beta");
        assertThat(keys.tenantOf("secret-c")).isEmpty();
        assertThat(keys.tenantOf(sha256Hex("secret-a"))).as("the hash itself is no key").isEmpty();
    }

    @Test
    void aPlaintextKeyInTheConfiguration_isRefusedAtStartUp() {
        assertThatThrownBy(() -> new TenantApiKeys("acme:secret-a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void anEntryWithoutTenant_isRefusedAtStartUp() {
        assertThatThrownBy(() -> new TenantApiKeys(sha256Hex("secret-a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<tenant>:<sha256 hex of key>");
    }

    @Test
    void noConfiguredKeys_meansEveryCallIsUnauthorized() {
        assertThat(new TenantApiKeys("").tenantOf("anything")).isEmpty();
    }
}
