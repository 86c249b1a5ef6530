package io.trustline.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-04T09:12:00Z");

    @Test
    void delaySeconds_countFromNow() {
        assertThat(RetryAfter.parse("30", NOW)).contains(NOW.plusSeconds(30));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(NOW);
    }

    @Test
    void anHttpDate_isThatInstant() {
        assertThat(RetryAfter.parse("Wed, 04 Mar 2026 09:20:00 GMT", NOW)).contains(Instant.parse("2026-03-04T09:20:00Z"));
    }

    @Test
    void absentNegativeOrGarbledValues_areIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("2026-03-04T09:20:00Z", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
