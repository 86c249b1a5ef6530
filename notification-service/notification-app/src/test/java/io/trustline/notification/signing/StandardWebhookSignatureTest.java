package io.trustline.notification.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Standard Webhooks test vector, as the reference libraries' own tests use it (secret, message id, timestamp,
 * payload and expected signature): reproducing it exactly is what says a receiver's library accepts our signatures.
 */
class StandardWebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSpecsTestVector_isReproducedExactly() {
        assertThat(StandardWebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP, PAYLOAD))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBody_changesTheSignature() {
        String expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThat(StandardWebhookSignature.sign(SECRET, "msg_other", TIMESTAMP, PAYLOAD)).isNotEqualTo(expected);
        assertThat(StandardWebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP + 1, PAYLOAD)).isNotEqualTo(expected);
        assertThat(StandardWebhookSignature.sign(SECRET, MESSAGE_ID, TIMESTAMP,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(expected);
    }
}
