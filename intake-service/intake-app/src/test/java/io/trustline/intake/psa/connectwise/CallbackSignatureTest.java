package io.trustline.intake.psa.connectwise;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.intake.psa.PsaFixtures;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Known vectors, computed outside Java for the fixture files byte for byte:
 * {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf %s "$key" | sha256sum | cut -d' ' -f1) -binary | base64}.
 */
class CallbackSignatureTest {

    static final String SIGNING_KEY = "Qm9vdHN0cmFwLXNpZ25pbmcta2V5";

    @Test
    void signature_isBase64HmacSha256_keyedWithTheSha256OfTheSigningKey() {
        assertThat(base64(CallbackSignature.of(SIGNING_KEY, PsaFixtures.bytes("connectwise/ticket-updated.json"))))
                .isEqualTo("cQav4RQlqZ8E3zQk9H0CUtkAkwB3ZpHTnqzYWFOgHps=");
        assertThat(base64(CallbackSignature.of(SIGNING_KEY,
                PsaFixtures.bytes("connectwise/ticket-resolved-entity-string.json"))))
                .isEqualTo("q39t7IguxmJbjSuNhLDTv4O4u+QpIkkZ4mOkEYUnzbE=");
    }

    @Test
    void signature_matches_onlyTheBodyItWasComputedFor() {
        byte[] body = PsaFixtures.bytes("connectwise/ticket-updated.json");
        byte[] signature = CallbackSignature.decode("cQav4RQlqZ8E3zQk9H0CUtkAkwB3ZpHTnqzYWFOgHps=");
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length - 2] = ' ';

        assertThat(CallbackSignature.matches(SIGNING_KEY, body, signature)).isTrue();
        assertThat(CallbackSignature.matches(SIGNING_KEY, tampered, signature)).isFalse();
        assertThat(CallbackSignature.matches("another-key", body, signature)).isFalse();
    }

    @Test
    void signature_thatIsNotBase64_matchesNothing() {
        assertThat(CallbackSignature.decode("not base64!")).isNull();
        assertThat(CallbackSignature.matches(SIGNING_KEY, new byte[0], null)).isFalse();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
