package io.trustline.local;

import java.time.Duration;
import java.util.Optional;

/**
 * When a supervised process that died is started again: after {@code firstDelay}, then twice as long each time
 * (at most {@code maxDelay}) while it keeps failing before it has stayed healthy for {@code healthyAfter}; after
 * {@code maxRestarts} such restarts in a row, no more.
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration healthyAfter, int maxRestarts) {

    /** 1 s, 2 s, 4 s, 8 s, 16 s, then it gives up; a process that ran healthy for a minute starts afresh. */
    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1), 5);

    /**
     * The failures in a row, this one included.
     *
     * @param before     the failures in a row before this one
     * @param healthyFor how long the process was ready before it failed; zero when it never became ready
     */
    int failuresInARow(int before, Duration healthyFor) {
        return healthyFor.compareTo(healthyAfter) >= 0 ? 1 : before + 1;
    }

    /** How long to wait before restarting after this many failures in a row; empty: give up. */
    Optional<Duration> delayBeforeRestart(int failuresInARow) {
        if (failuresInARow > maxRestarts) {
            return Optional.empty();
        }
        Duration delay = firstDelay;
        for (int i = 1; i < failuresInARow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
