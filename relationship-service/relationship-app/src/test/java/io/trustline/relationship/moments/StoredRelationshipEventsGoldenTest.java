package io.trustline.relationship.moments;

import io.trustline.relationship.api.MeetingKind;
import io.trustline.relationship.api.Money;
import io.trustline.testkit.golden.GoldenJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Freezes the JSON of every stored {@link RelationshipEvent} as the event store writes it ({@code golden/stored/}).
 * Replay reads these back years later, so a failure here is never fixed by rewriting the file: bump the
 * event's {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredRelationshipEventsGoldenTest {

    static Stream<RelationshipEvent> events() {
        return Stream.of(
                new RelationshipEvent.MeetingHeld("northwind-it", "acme-dental", MeetingKind.MONTHLY_REVIEW, true,
                        List.of("Dana Whitfield (practice manager)", "Priya Natarajan"),
                        "Went through the payroll outage.", Instant.parse("2026-03-05T14:00:00Z")),
                new RelationshipEvent.MeetingCadenceAgreed("northwind-it", "acme-dental", 30,
                        Instant.parse("2026-03-05T14:45:00Z")),
                new RelationshipEvent.CompetitorOfferDeclined("northwind-it", "acme-dental", "BrightByte IT",
                        "20% less per seat", "You called me back within the hour.", Instant.parse("2026-04-10T09:30:00Z")),
                new RelationshipEvent.ContractRenewed("northwind-it", "acme-dental", 24,
                        new Money(new BigDecimal("50400.00"), "EUR"), Instant.parse("2026-06-30T16:00:00Z")),
                new RelationshipEvent.ReferralGiven("northwind-it", "acme-dental", "Harbourside Orthodontics",
                        Instant.parse("2026-05-12T11:15:00Z")),
                new RelationshipEvent.GoodwillGesture("northwind-it", "acme-dental", "Brought Dana flowers",
                        "Priya Natarajan", Instant.parse("2026-03-03T10:00:00Z")),
                new RelationshipEvent.FeedbackReceived("northwind-it", "acme-dental", null, 9, "Quick and friendly.",
                        "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77", Instant.parse("2026-03-02T12:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("events")
    void storedEvent_keepsItsStoredJson_orNeedsAnUpcaster(RelationshipEvent event) {
        GoldenJson.assertMatchesStoredGolden(event);
    }
}
