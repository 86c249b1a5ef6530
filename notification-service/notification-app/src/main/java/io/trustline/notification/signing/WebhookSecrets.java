package io.trustline.notification.signing;

import io.quarkus.runtime.Startup;
import io.trustline.platform.secrets.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints endpoints' signing secrets and seals them for storage with {@code trustline.webhooks.secret-key} (base64 of
 * 32 bytes), the endpoint id as associated data: any instance holding the key can sign, and a sealed secret copied to
 * another endpoint does not open. The key is required: a notification service that cannot sign must not start.
 */
@Startup
@ApplicationScoped
public class WebhookSecrets {

    public static final String KEY_PROPERTY = "trustline.webhooks.secret-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = KEY_PROPERTY)
    String base64Key;

    private SecretBox box;

    @PostConstruct
    void load() {
        box = SecretBox.fromBase64(KEY_PROPERTY, base64Key);
    }

    /** A new secret: {@code whsec_} and base64 of 32 random bytes. Shown to the caller once, stored only sealed. */
    public String mint() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return StandardWebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public String seal(String secret, String endpointId) {
        return box.seal(secret, endpointId);
    }

    /** @throws SecretBox.SecretNotOpened if it was sealed with another key or for another endpoint */
    public String open(String sealed, String endpointId) {
        return box.open(sealed, endpointId);
    }
}
