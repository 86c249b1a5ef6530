package io.trustline.intake.integration;

/** The PSA a tenant connects, which decides how its webhooks authenticate. */
public enum IntegrationKind {
    /** Callbacks are signed with a key fetched from the callback's {@code key_url}, on an allowed host only. */
    CONNECTWISE,
    /** Webhooks are signed ({@code x-hook-signature}) with the secret key set for the integration. */
    AUTOTASK,
    /** Webhooks authenticate with HTTP Basic credentials set for the integration. */
    HALO
}
