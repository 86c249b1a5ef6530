package io.trustline.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How hard a subscriber tries before an event becomes a dead letter. */
@ConfigMapping(prefix = "trustline.consumer")
public interface SubscriberSettings {

    /** Handler attempts per event before it is moved to the dead-letter topic. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT0.2S")
    Duration initialBackoff();

    @WithDefault("PT5S")
    Duration maxBackoff();

    /** Pause before re-reading a record after MongoDB or Kafka failed underneath the handler. */
    @WithDefault("PT2S")
    Duration pauseAfterInfrastructureFailure();

    @WithDefault("200")
    int maxPollRecords();

    default Duration backoff(int failedAttempts) {
        long millis = initialBackoff().toMillis() << Math.min(failedAttempts - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff().toMillis()));
    }
}
