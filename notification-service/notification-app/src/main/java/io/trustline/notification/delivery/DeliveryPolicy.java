package io.trustline.notification.delivery;

import io.trustline.notification.delivery.AttemptOutcome.Answered;
import io.trustline.notification.webhooks.WebhookEndpointEvent.DisabledReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What follows an attempt: delivered, another attempt at a time, or given up; and whether the endpoint is disabled.
 * A {@code Retry-After} on 429 or 503 moves the next attempt later than the schedule says, never earlier (an
 * endpoint cannot buy extra attempts), and does not extend the schedule.
 */
final class DeliveryPolicy {

    /** The decision after one attempt. {@code nextAttemptAt} is null unless {@code status} is PENDING. */
    record Verdict(DeliveryStatus status, Instant nextAttemptAt, Optional<Disable> disable) {
    }

    record Disable(DisabledReason reason, String detail) {
    }

    private final RetrySchedule schedule;
    private final Duration disableAfter;

    DeliveryPolicy(RetrySchedule schedule, Duration disableAfter) {
        this.schedule = schedule;
        this.disableAfter = disableAfter;
    }

    RetrySchedule schedule() {
        return schedule;
    }

    /**
     * @param attempt      the attempt that just ended, from 1
     * @param failingSince when the endpoint's first failure after its last success was, or null when this attempt
     *                     is the first failure
     */
    Verdict decide(AttemptOutcome outcome, int attempt, Instant now, Instant failingSince) {
        if (outcome instanceof Answered answered && answered.succeeded()) {
            return new Verdict(DeliveryStatus.DELIVERED, null, Optional.empty());
        }
        if (outcome instanceof Answered answered && answered.statusCode() == 410) {
            return new Verdict(DeliveryStatus.FAILED, null, Optional.of(new Disable(DisabledReason.GONE, "answered 410 Gone")));
        }
        Optional<Disable> disable = failingSince != null && Duration.between(failingSince, now).compareTo(disableAfter) >= 0
                ? Optional.of(new Disable(DisabledReason.FAILING_TOO_LONG, "every attempt failed since " + failingSince))
                : Optional.empty();
        Optional<Duration> delay = schedule.delayAfter(attempt);
        if (delay.isEmpty()) {
            return new Verdict(DeliveryStatus.FAILED, null, disable);
        }
        Instant next = now.plus(delay.get());
        Instant asked = askedRetry(outcome, now).orElse(next);
        return new Verdict(DeliveryStatus.PENDING, asked.isAfter(next) ? asked : next, disable);
    }

    private static Optional<Instant> askedRetry(AttemptOutcome outcome, Instant now) {
        if (outcome instanceof Answered answered && (answered.statusCode() == 429 || answered.statusCode() == 503)) {
            return RetryAfter.parse(answered.retryAfter(), now);
        }
        return Optional.empty();
    }
}
