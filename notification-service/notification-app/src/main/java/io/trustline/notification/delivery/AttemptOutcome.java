package io.trustline.notification.delivery;

import java.time.Duration;

/** What one POST to an endpoint came to. */
public sealed interface AttemptOutcome {

    Duration latency();

    /** The endpoint answered, with any status. {@code retryAfter} is its {@code Retry-After} header, or null. */
    record Answered(int statusCode, String retryAfter, Duration latency) implements AttemptOutcome {

        boolean succeeded() {
            return statusCode / 100 == 2;
        }
    }

    /** No answer: not reachable, refused, reset, or too slow. */
    record NoAnswer(String error, Duration latency) implements AttemptOutcome {
    }
}
