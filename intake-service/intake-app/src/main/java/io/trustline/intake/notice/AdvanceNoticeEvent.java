package io.trustline.intake.notice;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Stored domain events of an advance notice. They stay inside intake; the publisher translates them into the
 * {@code intake-api} events. The fulfilment repeats the notice's facts so that it can be published, and judged, on
 * its own.
 */
public sealed interface AdvanceNoticeEvent {

    String noticeId();

    String tenantId();

    String clientId();

    @Revision("1")
    record AdvanceNoticeGiven(String noticeId, String tenantId, String clientId, String summary, Instant givenAt,
                              Instant neededBy) implements AdvanceNoticeEvent {

        /** How far ahead the notice was given; positive. */
        public Duration leadTime() {
            return Duration.between(givenAt, neededBy);
        }
    }

    @Revision("1")
    record AdvanceNoticeFulfilled(String noticeId, String tenantId, String clientId, String summary, Instant givenAt,
                                  Instant neededBy, Instant fulfilledAt, String note) implements AdvanceNoticeEvent {

        public Duration leadTime() {
            return Duration.between(givenAt, neededBy);
        }

        /** Delivered at or before the moment it was needed. */
        public boolean onTime() {
            return !fulfilledAt.isAfter(neededBy);
        }

        /** How late it was delivered, or null when on time. */
        public Duration lateness() {
            return onTime() ? null : Duration.between(neededBy, fulfilledAt);
        }
    }
}
