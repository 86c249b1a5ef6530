package io.trustline.intake.integration;

import java.util.List;

/**
 * How one integration's webhooks prove they come from the tenant's PSA, decrypted for the receivers. The kind of
 * integration decides which one it has. {@code toString} never shows a secret, so one logged by mistake leaks nothing.
 */
public sealed interface IntegrationCredentials {

    /** ConnectWise signs each callback with a key fetched from its {@code key_url}; only these hosts may serve it. */
    record ConnectWise(List<String> allowedKeyHosts) implements IntegrationCredentials {
        public ConnectWise {
            allowedKeyHosts = List.copyOf(allowedKeyHosts);
        }
    }

    /** Autotask signs each webhook ({@code x-hook-signature}) with this secret key. */
    record Autotask(String webhookSecret) implements IntegrationCredentials {
        @Override
        public String toString() {
            return "Autotask[webhookSecret=***]";
        }
    }

    /** Halo sends these HTTP Basic credentials with each webhook. */
    record Halo(String username, String password) implements IntegrationCredentials {
        @Override
        public String toString() {
            return "Halo[username=***, password=***]";
        }
    }
}
