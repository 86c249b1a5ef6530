package io.trustline.intake.psa.halo;

import io.trustline.intake.integration.IntegrationCredentials;
import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.ReceivingIntegration;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.PsaWebhookFormat;
import io.trustline.intake.psa.WebhookNotAuthenticated;
import io.trustline.intake.psa.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * HaloPSA webhooks: Halo signs nothing, it sends the HTTP Basic credentials set on the webhook
 * ({@code Authorization: Basic base64(username:password)}), checked against the integration's; the body read by
 * {@link HaloWebhook}.
 */
@ApplicationScoped
public class HaloWebhookFormat implements PsaWebhookFormat {

    @Override
    public IntegrationKind kind() {
        return IntegrationKind.HALO;
    }

    @Override
    public void authenticate(ReceivingIntegration integration, WebhookRequest request) {
        if (!(integration.credentials() instanceof IntegrationCredentials.Halo expected)) {
            throw new WebhookNotAuthenticated("The integration is not a HaloPSA integration.");
        }
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new WebhookNotAuthenticated("The Authorization header is missing: set Basic authentication on the "
                    + "Halo webhook.");
        }
        String[] schemeAndValue = authorization.trim().split("\\s+", 2);
        if (schemeAndValue.length != 2 || !schemeAndValue[0].toLowerCase(Locale.ROOT).equals("basic")) {
            throw new WebhookNotAuthenticated("The Authorization header must be Basic authentication.");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(schemeAndValue[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WebhookNotAuthenticated("The Basic credentials are not base64.");
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw new WebhookNotAuthenticated("The Basic credentials have no user name and password.");
        }
        boolean username = sameSecret(credentials.substring(0, colon), expected.username());
        boolean password = sameSecret(credentials.substring(colon + 1), expected.password());
        if (!(username & password)) {
            throw new WebhookNotAuthenticated("The Basic credentials are not this integration's.");
        }
    }

    @Override
    public Optional<PsaTicketChange> read(WebhookRequest request) {
        return HaloWebhook.read(request.body());
    }

    /**
     * Compares digests rather than the texts, so neither the content nor the length of the expected secret shows in
     * how long a refusal takes.
     */
    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
