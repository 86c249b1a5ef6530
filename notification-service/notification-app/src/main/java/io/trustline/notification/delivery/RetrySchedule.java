package io.trustline.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The delays before each attempt of one delivery: the first before attempt 1, and so on. */
record RetrySchedule(List<Duration> delays) {

    RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least the first attempt's delay");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a retry schedule's delays must not be negative: " + delays);
        }
    }

    /** The delay before the attempt after {@code failedAttempt} (from 1), or empty when the schedule is exhausted. */
    Optional<Duration> delayAfter(int failedAttempt) {
        return failedAttempt < delays.size() ? Optional.of(delays.get(failedAttempt)) : Optional.empty();
    }
}
