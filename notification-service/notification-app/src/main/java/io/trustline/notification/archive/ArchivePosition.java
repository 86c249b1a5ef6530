package io.trustline.notification.archive;

import java.time.Instant;

/** Where an event stands in the archive's reading order: by event time, then event id. */
public record ArchivePosition(Instant time, String eventId) {
}
