package io.trustline.relationship.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Fully populated examples of every relationship event, equal to the golden JSON files under {@code golden/} on
 * the test classpath. Same tenant and client as the intake and incident examples: the payroll story goes on.
 */
public final class RelationshipEventExamples {

    public static final String TENANT_ID = "northwind-it";
    public static final String CLIENT_ID = "acme-dental";
    public static final String ISSUE_ID = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";

    private RelationshipEventExamples() {
    }

    /** Equal to {@code golden/MeetingHeld.v1.json}. */
    public static MeetingHeld meetingHeld() {
        return new MeetingHeld(TENANT_ID, CLIENT_ID, Instant.parse("2026-03-05T14:00:00Z"), MeetingKind.MONTHLY_REVIEW,
                true, List.of("Dana Whitfield (practice manager)", "Priya Natarajan"),
                "Went through the payroll outage and the patch-run change. Dana wants a call before any server restart.");
    }

    /** Equal to {@code golden/MeetingCadenceAgreed.v1.json}. */
    public static MeetingCadenceAgreed meetingCadenceAgreed() {
        return new MeetingCadenceAgreed(TENANT_ID, CLIENT_ID, Instant.parse("2026-03-05T14:45:00Z"), 30);
    }

    /** Equal to {@code golden/CompetitorOfferDeclined.v1.json}. */
    public static CompetitorOfferDeclined competitorOfferDeclined() {
        return new CompetitorOfferDeclined(TENANT_ID, CLIENT_ID, Instant.parse("2026-04-10T09:30:00Z"),
                "BrightByte IT", "Managed IT for all 14 seats at 20% less per seat, first three months free",
                "You called me back within the hour when payroll was down. They would not even know who Dana is.");
    }

    /** Equal to {@code golden/ContractRenewed.v1.json}. */
    public static ContractRenewed contractRenewed() {
        return new ContractRenewed(TENANT_ID, CLIENT_ID, Instant.parse("2026-06-30T16:00:00Z"), 24,
                new Money(new BigDecimal("50400.00"), "EUR"));
    }

    /** Equal to {@code golden/ReferralGiven.v1.json}. */
    public static ReferralGiven referralGiven() {
        return new ReferralGiven(TENANT_ID, CLIENT_ID, Instant.parse("2026-05-12T11:15:00Z"),
                "Harbourside Orthodontics (Dr. Lena Ortiz)");
    }

    /** Equal to {@code golden/GoodwillGesture.v1.json}: seed 000's flowers. */
    public static GoodwillGesture goodwillGesture() {
        return new GoodwillGesture(TENANT_ID, CLIENT_ID, Instant.parse("2026-03-03T10:00:00Z"),
                "Brought Dana flowers the morning after the payroll export went through", "Priya Natarajan");
    }

    /** Equal to {@code golden/FeedbackReceived.v1.json}: a CSAT score on the payroll issue. */
    public static FeedbackReceived feedbackReceived() {
        return new FeedbackReceived(TENANT_ID, CLIENT_ID, Instant.parse("2026-03-02T12:00:00Z"), 4, null,
                "Fixed in time for payroll, but I had to call to find out where things stood.", ISSUE_ID);
    }
}
