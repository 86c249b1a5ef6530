package io.trustline.intake.psa.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutotaskSignatureTest {

    // computed independently: printf '%s' "$BODY" | openssl dgst -sha1 -hmac 'trustline-autotask-secret-0001' -binary | base64
    private static final String BODY = "{\"Action\":\"Create\",\"Guid\":\"2c1a7a3e-0f8b-4f0e-9d8e-6a1b2c3d4e5f\","
            + "\"EntityType\":\"Ticket\",\"Id\":7011,\"Fields\":{\"title\":\"Payroll server unreachable\"},"
            + "\"EventTime\":\"2026-03-02T08:15:00.000Z\",\"SequenceNumber\":1,\"PersonID\":29682885}";
    private static final String SECRET = "trustline-autotask-secret-0001";
    private static final String OPENSSL_SIGNATURE = "sha1=ZlQZyvrp2Qr82E0Ytgj9rqZ+6x4=";

    @Test
    void theSignature_isSha1EqualsBase64OfTheHmacSha1OfTheRawBody_asOpensslComputesIt() {
        assertThat(AutotaskSignature.of(SECRET, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(OPENSSL_SIGNATURE);
    }

    @Test
    void aSignatureMatches_onlyTheBodyAndSecretItWasMadeWith() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(AutotaskSignature.matches(OPENSSL_SIGNATURE, SECRET, body)).isTrue();
        assertThat(AutotaskSignature.matches(" " + OPENSSL_SIGNATURE + " ", SECRET, body)).as("header whitespace").isTrue();
        assertThat(AutotaskSignature.matches(OPENSSL_SIGNATURE, SECRET + "x", body)).isFalse();
        assertThat(AutotaskSignature.matches(OPENSSL_SIGNATURE, SECRET, BODY.replace("7011", "7012")
                .getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(AutotaskSignature.matches("ZlQZyvrp2Qr82E0Ytgj9rqZ+6x4=", SECRET, body)).as("without sha1=").isFalse();
        assertThat(AutotaskSignature.matches(null, SECRET, body)).isFalse();
    }
}
