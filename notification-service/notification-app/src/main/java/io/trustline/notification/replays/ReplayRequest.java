package io.trustline.notification.replays;

import io.trustline.notification.archive.ArchiveSettings;
import io.trustline.platform.problem.InvalidFieldException;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /webhooks/endpoints/{id}/replays}: the window of past events to send again. */
@Schema(example = """
        {"since": "2026-03-04T09:00:00Z", "until": "2026-03-04T12:00:00Z"}""")
public record ReplayRequest(
        @NotNull
        @Schema(description = "The window's start, included: an event time. Before until, not in the "
                + "future, and not before the archive's retention (trustline.webhooks.archive.retention, 90 days by "
                + "default).")
        Instant since,
        @Schema(description = "The window's end, excluded: an event time after since and not in the future. Absent: "
                + "the time of the request.")
        Instant until) {

    /** The window's end: {@code until}, or {@code now}. 400 naming {@code since} or {@code until} for a bad window. */
    Instant checkWindow(Instant now, Duration retention) {
        if (since.isAfter(now)) {
            throw new InvalidFieldException("since", "must not be in the future.");
        }
        Instant earliest = now.minus(retention);
        if (since.isBefore(earliest)) {
            throw new InvalidFieldException("since", "is before the oldest event kept: events are kept for " + ArchiveSettings.describe(retention)
                    + ", so the earliest replay is from " + earliest + ".");
        }
        if (until != null && until.isAfter(now)) {
            throw new InvalidFieldException("until", "must not be in the future.");
        }
        Instant end = until == null ? now : until;
        if (!end.isAfter(since)) {
            throw new InvalidFieldException(until == null ? "since" : "until",
                    until == null ? "must be before now, the window's end." : "must be after since.");
        }
        return end;
    }

    /** Whether the stored replay was asked for by this request (a retry with the same Idempotency-Key). */
    boolean asked(ReplayJob stored, String endpointId) {
        return stored.endpointId().equals(endpointId) && stored.since().equals(since)
                && Objects.equals(stored.requestedUntil(), until);
    }
}
