package io.trustline.intake.psa.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.intake.integration.IntegrationCredentials;
import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.ReceivingIntegration;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.PsaWebhookFormat;
import io.trustline.intake.psa.WebhookJson;
import io.trustline.intake.psa.WebhookNotAuthenticated;
import io.trustline.intake.psa.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * ConnectWise PSA callbacks: signed with {@code x-content-signature} by a key fetched from the callback's own
 * {@code Metadata.key_url}, on an allowed host only ({@link SigningKeyUrl}); the body read by
 * {@link ConnectWiseCallback}.
 */
@ApplicationScoped
public class ConnectWiseCallbackFormat implements PsaWebhookFormat {

    /** Accepts {@code http} key URLs; for tests against a local key server only. */
    public static final String ALLOW_HTTP_KEY_URL = "trustline.integrations.connectwise.allow-http-key-url";
    static final String SIGNATURE_HEADER = "x-content-signature";

    private final ConnectWiseSigningKeys keys;
    private final boolean allowHttpKeyUrl;

    @Inject
    ConnectWiseCallbackFormat(ConnectWiseSigningKeys keys,
                              @ConfigProperty(name = ALLOW_HTTP_KEY_URL, defaultValue = "false") boolean allowHttpKeyUrl) {
        this.keys = keys;
        this.allowHttpKeyUrl = allowHttpKeyUrl;
    }

    @Override
    public IntegrationKind kind() {
        return IntegrationKind.CONNECTWISE;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A key from the cache that does not match is fetched once more before the callback is refused: ConnectWise
     * may have rotated it. A key fetched for this very callback is not fetched twice.
     *
     * @throws SigningKeyUnavailable when the key cannot be fetched now; the callback may be good, ask for a retry
     */
    @Override
    public void authenticate(ReceivingIntegration integration, WebhookRequest request) {
        if (!(integration.credentials() instanceof IntegrationCredentials.ConnectWise connectWise)) {
            throw new WebhookNotAuthenticated("The integration is not a ConnectWise integration.");
        }
        String header = request.header(SIGNATURE_HEADER);
        if (header == null || header.isBlank()) {
            throw new WebhookNotAuthenticated("The " + SIGNATURE_HEADER + " header is missing.");
        }
        byte[] signature = CallbackSignature.decode(header);
        URI keyUrl = SigningKeyUrl.check(keyUrlOf(request.body()), connectWise.allowedKeyHosts(), allowHttpKeyUrl);

        String cached = keys.cached(keyUrl);
        if (cached != null && CallbackSignature.matches(cached, request.body(), signature)) {
            return;
        }
        if (!CallbackSignature.matches(keys.fetch(keyUrl), request.body(), signature)) {
            throw new WebhookNotAuthenticated("The " + SIGNATURE_HEADER + " header does not match the body.");
        }
    }

    @Override
    public Optional<PsaTicketChange> read(WebhookRequest request) {
        return ConnectWiseCallback.read(request.body());
    }

    private static String keyUrlOf(byte[] body) {
        try {
            JsonNode callback = WebhookJson.parse(body, "The ConnectWise callback");
            JsonNode metadata = callback.isObject() ? WebhookJson.object(callback, "Metadata", "Metadata") : null;
            String keyUrl = metadata == null ? null : WebhookJson.text(metadata, "key_url", "Metadata.key_url");
            if (keyUrl == null) {
                throw new WebhookNotAuthenticated("The callback has no Metadata.key_url to verify its signature with.");
            }
            return keyUrl;
        } catch (MalformedWebhook e) {
            throw new WebhookNotAuthenticated("The callback's signature cannot be verified: " + e.getMessage());
        }
    }
}
