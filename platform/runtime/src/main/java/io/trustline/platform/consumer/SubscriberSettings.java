package io.trustline.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a subscriber retries: a few attempts for an event that fails by itself before it becomes a dead
 * letter; pauses that grow to a ceiling, without end, while infrastructure is away.
 */
@ConfigMapping(prefix = "trustline.consumer")
public interface SubscriberSettings {

    /** Handler attempts per event before it is moved to the dead-letter topic. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT5S")
    Duration maxBackoff();

    /** First pause before re-reading a record after MongoDB, Kafka or a downstream service failed. */
    @WithDefault("PT1S")
    Duration pauseAfterInfrastructureFailure();

    /** The longest pause between two tries while an outage lasts; the pause doubles up to it. */
    @WithDefault("PT30S")
    Duration maxPauseAfterInfrastructureFailure();

    @WithDefault("200")
    int maxPollRecords();

    default Duration backoff(int failedAttempts) {
        return doubling(initialBackoff(), failedAttempts, maxBackoff());
    }

    /** The pause after the n-th consecutive infrastructure failure of one outage. */
    default Duration pauseAfterInfrastructureFailure(int failures) {
        return doubling(pauseAfterInfrastructureFailure(), failures, maxPauseAfterInfrastructureFailure());
    }

    private static Duration doubling(Duration first, int failures, Duration ceiling) {
        long millis = first.toMillis() << Math.min(Math.max(failures, 1) - 1, 20);
        return Duration.ofMillis(Math.min(millis, ceiling.toMillis()));
    }
}
