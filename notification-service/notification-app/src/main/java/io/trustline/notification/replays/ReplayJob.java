package io.trustline.notification.replays;

import io.trustline.notification.archive.ArchivePosition;
import java.time.Instant;

/**
 * A replay or a backfill as stored: the archived events of the tenant from {@code since} and before {@code until}
 * (null: to the end of the archive) that the endpoint admits, enqueued page by page; {@code after} is the last one
 * read (null before the first page) and {@code events} how many of those read were enqueued.
 *
 * @param requestedUntil the {@code until} the caller gave (null when it asked for "now"), to recognise a retry
 * @param reason         why it was cancelled; null otherwise
 */
record ReplayJob(String replayId, String tenantId, String endpointId, boolean backfill, Instant since, Instant until,
                 Instant requestedUntil, ReplayStatus status, long events, ArchivePosition after, Instant requestedAt,
                 String reason) {

    /** The backfill of an endpoint has this id: one per endpoint. */
    static String backfillId(String endpointId) {
        return "backfill:" + endpointId;
    }

    /** The replay id its deliveries carry: none for a backfill, whose deliveries are the events' only ones. */
    String deliveriesReplayId() {
        return backfill ? null : replayId;
    }
}
