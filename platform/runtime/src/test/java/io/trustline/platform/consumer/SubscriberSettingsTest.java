package io.trustline.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubscriberSettingsTest {

    private final SubscriberSettings settings = FixedSubscriberSettings.defaults();

    @Test
    void backoffDoublesAfterEachFailedAttempt_upToItsCeiling() {
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofMillis(1600));
        assertThat(settings.backoff(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoff(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void pauseDuringAnOutageDoublesAfterEachFailure_upToItsCeiling_andNeverEnds() {
        assertThat(settings.pauseAfterInfrastructureFailure(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.pauseAfterInfrastructureFailure(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.pauseAfterInfrastructureFailure(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pauseAfterInfrastructureFailure(10_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
