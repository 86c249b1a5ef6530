package io.trustline.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.notification.delivery.AttemptOutcome.Answered;
import io.trustline.notification.delivery.AttemptOutcome.NoAnswer;
import io.trustline.notification.webhooks.WebhookEndpointEvent.DisabledReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-04T09:12:00Z");
    private static final Duration FAST = Duration.ofMillis(40);
    private static final RetrySchedule SVIX = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10)));
    private final DeliveryPolicy policy = new DeliveryPolicy(SVIX, Duration.ofDays(5));

    @Test
    void theDefaultSchedule_isSvixs_eightAttemptsOverAboutOneDayAndAHalf() {
        assertThat(SVIX.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(SVIX.delayAfter(2)).contains(Duration.ofMinutes(5));
        assertThat(SVIX.delayAfter(7)).contains(Duration.ofHours(10));
        assertThat(SVIX.delayAfter(8)).isEmpty();
    }

    @Test
    void a2xx_isDelivered() {
        DeliveryPolicy.Verdict verdict = policy.decide(new Answered(204, null, FAST), 3, NOW, NOW.minusSeconds(60));
        assertThat(verdict.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(verdict.disable()).isEmpty();
    }

    @Test
    void a500_isRetriedPerTheSchedule_andGivenUpWhenItIsExhausted() {
        assertThat(policy.decide(new Answered(500, null, FAST), 1, NOW, null))
                .isEqualTo(new DeliveryPolicy.Verdict(DeliveryStatus.PENDING, NOW.plusSeconds(5), java.util.Optional.empty()));
        assertThat(policy.decide(new NoAnswer("connection refused", FAST), 2, NOW, NOW).nextAttemptAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        DeliveryPolicy.Verdict last = policy.decide(new Answered(500, null, FAST), 8, NOW, NOW.minusSeconds(3600));
        assertThat(last.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(last.nextAttemptAt()).isNull();
    }

    @Test
    void a410_givesUp_andDisablesTheEndpointAtOnce() {
        DeliveryPolicy.Verdict verdict = policy.decide(new Answered(410, null, FAST), 1, NOW, null);
        assertThat(verdict.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(verdict.disable()).get().extracting(DeliveryPolicy.Disable::reason).isEqualTo(DisabledReason.GONE);
    }

    @Test
    void a503WithRetryAfter_laterThanTheSchedule_isHonoured_inSecondsOrAsAnHttpDate() {
        assertThat(policy.decide(new Answered(503, "120", FAST), 1, NOW, null).nextAttemptAt())
                .isEqualTo(NOW.plusSeconds(120));
        assertThat(policy.decide(new Answered(429, "Wed, 04 Mar 2026 10:00:00 GMT", FAST), 1, NOW, null).nextAttemptAt())
                .isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
    }

    @Test
    void aRetryAfterEarlierThanTheSchedule_orOnAnotherStatus_doesNotBringTheNextAttemptForward() {
        assertThat(policy.decide(new Answered(503, "1", FAST), 1, NOW, null).nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(policy.decide(new Answered(500, "120", FAST), 1, NOW, null).nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void anEndpointFailingForFiveDays_isDisabled_whileOneFailingForLess_isNot() {
        assertThat(policy.decide(new Answered(500, null, FAST), 2, NOW, NOW.minus(Duration.ofDays(5))).disable())
                .get().extracting(DeliveryPolicy.Disable::reason).isEqualTo(DisabledReason.FAILING_TOO_LONG);
        assertThat(policy.decide(new Answered(500, null, FAST), 2, NOW, NOW.minus(Duration.ofDays(4))).disable()).isEmpty();
        assertThat(policy.decide(new Answered(500, null, FAST), 1, NOW, null).disable()).isEmpty();
    }
}
