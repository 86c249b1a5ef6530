package io.trustline.intake.integration;

import io.quarkus.runtime.Startup;
import io.trustline.platform.secrets.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key integration secrets are sealed with ({@code trustline.integrations.secret-key}, base64 of 32 bytes). There
 * is no default: without one the service still takes issues, but refuses every integration call that stores or
 * reads secrets (503 saying what to configure); a key that is set but malformed stops the service at start-up.
 */
@Startup
@ApplicationScoped
class IntegrationSecretKey {

    static final String PROPERTY = "trustline.integrations.secret-key";
    private static final Logger LOG = Logger.getLogger(IntegrationSecretKey.class);

    @ConfigProperty(name = PROPERTY)
    Optional<String> base64Key;

    private SecretBox box;

    @PostConstruct
    void load() {
        if (base64Key.isPresent() && !base64Key.get().isBlank()) {
            box = SecretBox.fromBase64(PROPERTY, base64Key.get());
        } else {
            LOG.warn(PROPERTY + " is not set: integrations cannot be created or used until it is");
        }
    }

    /** @throws SecretKeyMissing when no key is configured */
    SecretBox box() {
        if (box == null) {
            throw new SecretKeyMissing();
        }
        return box;
    }

    static final class SecretKeyMissing extends IllegalStateException {
        SecretKeyMissing() {
            super("Integrations are not configured on this service: set " + PROPERTY
                    + " (base64 of 32 random bytes) to store and use integration secrets.");
        }
    }
}
