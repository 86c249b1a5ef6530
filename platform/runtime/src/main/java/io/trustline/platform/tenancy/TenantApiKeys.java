package io.trustline.platform.tenancy;

import io.trustline.platform.keys.ApiKeyHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which tenant an API key belongs to. Only SHA-256 hashes of keys are configured and kept
 * ({@code trustline.tenancy.api-keys=<tenant>:<sha256 hex>,...}); a presented key is hashed with
 * {@link ApiKeyHash}, as the launchers and the test kit hash the keys they configure, and looked up.
 */
@ApplicationScoped
public class TenantApiKeys {

    private final Map<String, String> tenantByKeyHash = new HashMap<>();

    @Inject
    TenantApiKeys(@ConfigProperty(name = "trustline.tenancy.api-keys") String configured) {
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "trustline.tenancy.api-keys entries must be <tenant>:<sha256 hex of key>, got '" + trimmed + "'");
            }
            String hash = trimmed.substring(colon + 1).toLowerCase();
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 hex digest for tenant " + trimmed.substring(0, colon));
            }
            tenantByKeyHash.put(hash, trimmed.substring(0, colon));
        }
    }

    public Optional<String> tenantOf(String apiKey) {
        return Optional.ofNullable(tenantByKeyHash.get(ApiKeyHash.sha256Hex(apiKey)));
    }
}
