package io.trustline.intake.psa.halo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.intake.integration.IntegrationCredentials;
import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.ReceivingIntegration;
import io.trustline.intake.psa.PsaFixtures;
import io.trustline.intake.psa.WebhookNotAuthenticated;
import io.trustline.intake.psa.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloWebhookAuthenticationTest {

    private static final ReceivingIntegration HALO = new ReceivingIntegration("tenant-a", "int-halo",
            IntegrationKind.HALO, new IntegrationCredentials.Halo("trustline", "s3cret:with:colons"));

    private final HaloWebhookFormat format = new HaloWebhookFormat();

    @Test
    void basicCredentialsOfTheIntegration_areAccepted() {
        assertThatCode(() -> format.authenticate(HALO, withAuthorization(basic("trustline:s3cret:with:colons"))))
                .doesNotThrowAnyException();
    }

    @Test
    void schemeIsReadInAnyCase() {
        assertThatCode(() -> format.authenticate(HALO, withAuthorization(
                "basic " + encode("trustline:s3cret:with:colons"))))
                .doesNotThrowAnyException();
    }

    @Test
    void wrongPassword_isRefused() {
        assertThatThrownBy(() -> format.authenticate(HALO, withAuthorization(basic("trustline:s3cret"))))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("not this integration's");
    }

    @Test
    void wrongUserName_isRefused() {
        assertThatThrownBy(() -> format.authenticate(HALO, withAuthorization(basic("nango:s3cret:with:colons"))))
                .isInstanceOf(WebhookNotAuthenticated.class);
    }

    @Test
    void missingAuthorization_isRefused() {
        assertThatThrownBy(() -> format.authenticate(HALO, new WebhookRequest(Map.of(), body())))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("Authorization header is missing");
    }

    @Test
    void anotherScheme_isRefused() {
        assertThatThrownBy(() -> format.authenticate(HALO, withAuthorization("Bearer s3cret:with:colons")))
                .isInstanceOf(WebhookNotAuthenticated.class)
                .hasMessageContaining("Basic");
    }

    @Test
    void credentialsThatAreNotBase64_orHaveNoColon_areRefused() {
        assertThatThrownBy(() -> format.authenticate(HALO, withAuthorization("Basic !!!")))
                .isInstanceOf(WebhookNotAuthenticated.class);
        assertThatThrownBy(() -> format.authenticate(HALO, withAuthorization(basic("trustline"))))
                .isInstanceOf(WebhookNotAuthenticated.class);
    }

    @Test
    void integrationOfAnotherKind_isRefused() {
        ReceivingIntegration connectWise = new ReceivingIntegration("tenant-a", "int-cw", IntegrationKind.CONNECTWISE,
                new IntegrationCredentials.ConnectWise(java.util.List.of("api-na.myconnectwise.net")));

        assertThatThrownBy(() -> format.authenticate(connectWise,
                withAuthorization(basic("trustline:s3cret:with:colons"))))
                .isInstanceOf(WebhookNotAuthenticated.class);
    }

    private static WebhookRequest withAuthorization(String authorization) {
        return new WebhookRequest(Map.of("authorization", authorization), body());
    }

    private static byte[] body() {
        return PsaFixtures.bytes("halo/new-ticket-logged.json");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + encode(userAndPassword);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
