package io.trustline.platform.consumer;

import io.trustline.platform.failure.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a subscriber loop holds back, each with its own failure count and pause, so one stuck
 * partition neither stretches another's pauses nor outlives its move to another instance. A partition
 * stays blocked from its first failure until a record of it succeeds (or it is revoked); between tries it
 * is paused. Written by the loop's thread; read by readiness.
 */
final class PartitionPauses {

    private final Map<TopicPartition, Blocked> blocked = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final SubscriberSettings settings;

    PartitionPauses(SubscriberSettings settings) {
        this.settings = settings;
    }

    /** Records one more failure of the partition and returns how long to leave it alone. */
    Blocked block(TopicPartition partition, FailureKind kind, String reason, Instant now) {
        Blocked failed = blocked.merge(partition, new Blocked(now, 1, kind, reason),
                (earlier, latest) -> new Blocked(earlier.since(), earlier.failures() + 1, kind, reason));
        pausedUntil.put(partition, now.plus(settings.pauseAfterInfrastructureFailure(failed.failures())));
        return failed;
    }

    /** The partition processed a record: it is no longer blocked (returns what it was blocked by, if it was). */
    Optional<Blocked> unblock(TopicPartition partition) {
        return Optional.ofNullable(blocked.remove(partition));
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partition -> {
            blocked.remove(partition);
            pausedUntil.remove(partition);
        });
    }

    /** Partitions whose pause is over; they are no longer paused (they stay blocked until a record succeeds). */
    List<TopicPartition> takeDue(Instant now) {
        List<TopicPartition> due = pausedUntil.entrySet().stream()
                .filter(paused -> !paused.getValue().isAfter(now))
                .map(Map.Entry::getKey)
                .toList();
        due.forEach(pausedUntil::remove);
        return due;
    }

    Duration pollWait(Instant now, Duration longest) {
        return pausedUntil.values().stream()
                .map(until -> Duration.between(now, until))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .filter(wait -> wait.compareTo(longest) < 0)
                .min(Duration::compareTo)
                .orElse(longest);
    }

    Duration pauseOf(Blocked failure) {
        return settings.pauseAfterInfrastructureFailure(failure.failures());
    }

    /** The longest-blocked partition, if any, as readiness reports it. */
    Optional<Blocked> oldest() {
        return blocked.values().stream().min(Comparator.comparing(Blocked::since));
    }

    record Blocked(Instant since, int failures, FailureKind kind, String reason) {
    }
}
