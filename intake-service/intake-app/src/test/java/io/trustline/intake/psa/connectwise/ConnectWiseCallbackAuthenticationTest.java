package io.trustline.intake.psa.connectwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.intake.integration.IntegrationCredentials;
import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.ReceivingIntegration;
import io.trustline.intake.psa.PsaFixtures;
import io.trustline.intake.psa.WebhookNotAuthenticated;
import io.trustline.intake.psa.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectWiseCallbackAuthenticationTest {

    private static final String CONNECTWISE_ORIGIN = "https://api-na.myconnectwise.net";
    private static final String KEY = "Qm9vdHN0cmFwLXNpZ25pbmcta2V5";
    private static final String ROTATED_KEY = "cm90YXRlZC1zaWduaW5nLWtleQ";

    private final ConnectWiseKeyServer keyServer = new ConnectWiseKeyServer(KEY);
    private final ConnectWiseCallbackFormat format = new ConnectWiseCallbackFormat(new ConnectWiseSigningKeys(), true);

    @AfterEach
    void stopKeyServer() {
        keyServer.close();
    }

    @Test
    void callbackSignedWithTheKeyAtItsKeyUrl_isAuthenticated_andTheKeyIsFetchedOnlyOnce() {
        assertThatCode(() -> format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY)))
                .doesNotThrowAnyException();
        assertThatCode(() -> format.authenticate(allowingLocalKeys(), signed("ticket-resolved-entity-string.json", KEY)))
                .doesNotThrowAnyException();

        assertThat(keyServer.fetches()).isEqualTo(1);
    }

    @Test
    void keyUrlOnAHostNotAllowed_isRefused_withoutFetchingAnything() {
        ReceivingIntegration onlyConnectWise = integration(new IntegrationCredentials.ConnectWise(
                List.of("api-na.myconnectwise.net")));

        assertThatThrownBy(() -> format.authenticate(onlyConnectWise, signed("ticket-updated.json", KEY)))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("127.0.0.1")
                .hasMessageContaining("allowedKeyHosts");
        assertThat(keyServer.fetches()).isZero();
    }

    @Test
    void plainHttpKeyUrl_isRefused_withoutFetching_unlessConfiguredForTests() {
        ConnectWiseCallbackFormat production = new ConnectWiseCallbackFormat(new ConnectWiseSigningKeys(), false);

        assertThatThrownBy(() -> production.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY)))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("https");
        assertThat(keyServer.fetches()).isZero();
    }

    @Test
    void keyUrlCarryingCredentials_isRefused_withoutFetching() {
        String body = PsaFixtures.text("connectwise/ticket-updated.json")
                .replace(CONNECTWISE_ORIGIN, keyServer.origin().replace("http://", "http://user:pw@"));

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), request(body, sign(body, KEY))))
                .isInstanceOf(WebhookNotAuthenticated.class);
        assertThat(keyServer.fetches()).isZero();
    }

    @Test
    void callbackWithoutSignature_isRefused_withoutFetching() {
        String body = localBody("ticket-updated.json");

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), new WebhookRequest(Map.of(),
                body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("x-content-signature");
        assertThat(keyServer.fetches()).isZero();
    }

    @Test
    void callbackSignedWithAnotherKey_isRefused_afterOneFetch() {
        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", "forged-key")))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("does not match");
        assertThat(keyServer.fetches()).isEqualTo(1);
    }

    @Test
    void tamperedBody_isRefused() {
        String body = localBody("ticket-updated.json");
        String signature = sign(body, KEY);
        String tampered = body.replace("Priority 3 - Normal Response", "Priority 1 - Emergency Response");

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), request(tampered, signature)))
                .isInstanceOf(WebhookNotAuthenticated.class);
    }

    @Test
    void rotatedKey_isFetchedAgainOnce_andUsedFromThenOn() {
        format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY));
        keyServer.rotateTo(ROTATED_KEY);

        format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", ROTATED_KEY));
        assertThat(keyServer.fetches()).isEqualTo(2);

        format.authenticate(allowingLocalKeys(), signed("ticket-resolved-entity-string.json", ROTATED_KEY));
        assertThat(keyServer.fetches()).isEqualTo(2);
    }

    @Test
    void forgedSignature_withTheKeyCached_isRefused_afterExactlyOneMoreFetch() {
        format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY));

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", "forged-key")))
                .isInstanceOf(WebhookNotAuthenticated.class);
        assertThat(keyServer.fetches()).isEqualTo(2);
    }

    @Test
    void keyServerFailing_isAnOutage_notARefusal() {
        keyServer.answer(503);

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY)))
                .isInstanceOf(SigningKeyUnavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void keyServerUnreachable_isAnOutage_notARefusal() {
        WebhookRequest callback = signed("ticket-updated.json", KEY);
        keyServer.close();

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), callback))
                .isInstanceOf(SigningKeyUnavailable.class);
    }

    @Test
    void keyUrlThatServesNoKey_isRefused() {
        keyServer.answer(404);

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY)))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("404");
    }

    @Test
    void keyUrlRedirectingElsewhere_isNotFollowed() {
        keyServer.redirectTo("http://169.254.169.254/latest/meta-data/");

        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), signed("ticket-updated.json", KEY)))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("302");
        assertThat(keyServer.fetches()).isEqualTo(1);
    }

    @Test
    void bodyThatIsNotJson_cannotBeVerified() {
        assertThatThrownBy(() -> format.authenticate(allowingLocalKeys(), request("not json", sign("not json", KEY))))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("not JSON");
        assertThat(keyServer.fetches()).isZero();
    }

    @Test
    void integrationOfAnotherKind_isRefused() {
        ReceivingIntegration halo = new ReceivingIntegration("tenant-a", "int-1", IntegrationKind.HALO,
                new IntegrationCredentials.Halo("user", "password"));

        assertThatThrownBy(() -> format.authenticate(halo, signed("ticket-updated.json", KEY)))
                .isInstanceOf(WebhookNotAuthenticated.class);
        assertThat(keyServer.fetches()).isZero();
    }

    private ReceivingIntegration allowingLocalKeys() {
        return integration(new IntegrationCredentials.ConnectWise(List.of("api-na.myconnectwise.net", "127.0.0.1")));
    }

    private static ReceivingIntegration integration(IntegrationCredentials credentials) {
        return new ReceivingIntegration("tenant-a", "int-1", IntegrationKind.CONNECTWISE, credentials);
    }

    /** The fixture with its key_url pointing at the local key server, signed as ConnectWise signs. */
    private WebhookRequest signed(String fixture, String signingKey) {
        String body = localBody(fixture);
        return request(body, sign(body, signingKey));
    }

    private String localBody(String fixture) {
        return PsaFixtures.text("connectwise/" + fixture).replace(CONNECTWISE_ORIGIN, keyServer.origin());
    }

    private static WebhookRequest request(String body, String signature) {
        return new WebhookRequest(Map.of("X-Content-Signature", signature), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Written out here rather than calling the code under test; {@link CallbackSignatureTest} pins the vectors. */
    private static String sign(String body, String signingKey) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
