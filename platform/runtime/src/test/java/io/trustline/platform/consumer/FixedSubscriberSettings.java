package io.trustline.platform.consumer;

import java.time.Duration;

/** Subscriber settings as a test chooses them, without a configuration source. */
record FixedSubscriberSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                               Duration pauseAfterInfrastructureFailure, Duration maxPauseAfterInfrastructureFailure,
                               int maxPollRecords) implements SubscriberSettings {

    /** The production defaults. */
    static FixedSubscriberSettings defaults() {
        return new FixedSubscriberSettings(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(30), 200);
    }
}
