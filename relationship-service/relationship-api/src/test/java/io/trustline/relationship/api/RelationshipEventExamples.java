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
    /** Equal to {@code golden/TrustChanged.v1.json}: the action plan within its target. */
    public static TrustChanged trustChanged() {
        return new TrustChanged(TENANT_ID, CLIENT_ID, Instant.parse("2026-03-02T08:52:00Z"), "trustline-default@1", 56.0,
                3.0, "0195a3c2-8c40-7000-8000-00000000000d", List.of(new ScoreChange("001.action-plan-in-target", 3.0,
                "+3 trust: action plan issued 37 min after the report; target for a STOPPED impact on EVERYONE"
                        + " (model table) is 60 min", "0195a3c2-8c40-7000-8000-00000000000d")));
    }

    /** Equal to {@code golden/LoyaltyChanged.v1.json}: the declined offer, after two weeks of silence. */
    public static LoyaltyChanged loyaltyChanged() {
        return new LoyaltyChanged(TENANT_ID, CLIENT_ID, Instant.parse("2026-04-10T09:30:00Z"), "trustline-default@1",
                61.5, 11.5, "0195a3c2-9a00-7000-8000-00000000000e", List.of(
                new ScoreChange("002.no-contact", -0.5, "-0.5 loyalty: no contact for 15 days",
                        "clock:2026-04-06T08:15:00Z"),
                new ScoreChange("004.offer-declined", 12.0,
                        "+12 loyalty: declined a competitor's offer", "0195a3c2-9a00-7000-8000-00000000000e")));
    }

    /** Equal to {@code golden/ChurnRiskRaised.v1.json}: a second missed expectation within 30 days. */
    public static ChurnRiskRaised churnRiskRaised() {
        return new ChurnRiskRaised(TENANT_ID, CLIENT_ID, Instant.parse("2026-03-20T17:00:00Z"), "trustline-default@1",
                ChurnRiskLevel.HIGH, ChurnRiskLevel.NONE, "0195a3c2-a100-7000-8000-000000000010", List.of(
                new ChurnRiskCause("REPEATED_MISSES", "2 expectations missed in 30 days",
                        List.of("0195a3c2-a000-7000-8000-00000000000f", "0195a3c2-a100-7000-8000-000000000010")),
                new ChurnRiskCause("TRUST_DROP", "trust down 24 in 30 days",
                        List.of("0195a3c2-a000-7000-8000-00000000000f", "0195a3c2-a100-7000-8000-000000000010"))));
    }

    /** Equal to {@code golden/ChurnRiskCleared.v1.json}: the overdue review meeting held. */
    public static ChurnRiskCleared churnRiskCleared() {
        return new ChurnRiskCleared(TENANT_ID, CLIENT_ID, Instant.parse("2026-05-20T10:00:00Z"), "trustline-default@1",
                ChurnRiskLevel.NONE, ChurnRiskLevel.MEDIUM, "0195a3c2-b000-7000-8000-000000000011", List.of());
    }
}
