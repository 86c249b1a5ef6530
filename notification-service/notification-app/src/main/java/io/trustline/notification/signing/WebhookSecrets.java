package io.trustline.notification.signing;

import io.quarkus.runtime.Startup;
import io.trustline.platform.secrets.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private static final int OPENED_KEPT = 1024;

    private SecretBox box;
    private final Map<String, String> opened = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > OPENED_KEPT;
        }
    });

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

    /**
     * The secret sealed in {@code sealed}. A sealed value always opens to the same secret, so the last
     * {@value #OPENED_KEPT} opened are kept: every delivery attempt signs, and opening is an AES-GCM decryption.
     *
     * @throws SecretBox.SecretNotOpened if it was sealed with another key or for another endpoint
     */
    public String open(String sealed, String endpointId) {
        String key = endpointId + "|" + sealed;
        String secret = opened.get(key);
        if (secret == null) {
            secret = box.open(sealed, endpointId);
            opened.put(key, secret);
        }
        return secret;
    }
}
