package io.trustline.intake.notice;

import io.trustline.testkit.golden.GoldenJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Freezes the JSON of every stored {@link AdvanceNoticeEvent} as the event store writes it ({@code golden/stored/}).
 * Replay reads these back years later, so a failure here is never fixed by rewriting the file: bump the event's
 * {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredAdvanceNoticeEventsGoldenTest {

    private static final String NOTICE_ID = "0195a7f0-1c2d-7e3f-8a4b-5c6d7e8f9a01";

    @Test
    void advanceNoticeGiven_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new AdvanceNoticeEvent.AdvanceNoticeGiven(NOTICE_ID, "northwind-it",
                "acme-dental", "new hire starts Monday", Instant.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-09T08:00:00Z")));
    }

    @Test
    void advanceNoticeFulfilled_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new AdvanceNoticeEvent.AdvanceNoticeFulfilled(NOTICE_ID, "northwind-it",
                "acme-dental", "new hire starts Monday", Instant.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-09T08:00:00Z"), Instant.parse("2026-03-09T10:30:00Z"),
                "the laptop image failed on Friday"));
    }
}
