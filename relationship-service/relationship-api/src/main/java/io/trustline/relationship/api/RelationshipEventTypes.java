package io.trustline.relationship.api;

import java.util.Set;

/**
 * CloudEvent {@code type} values of the events on {@value RelationshipTopics#EVENTS}, one per event record,
 * shaped {@code io.trustline.relationship.<EventName>.v<version>}.
 *
 * @since v1
 */
public final class RelationshipEventTypes {

    /**
     * Type of {@link MeetingHeld}.
     *
     * @since v1
     */
    public static final String MEETING_HELD = "io.trustline.relationship.MeetingHeld.v1";

    /**
     * Type of {@link MeetingCadenceAgreed}.
     *
     * @since v1
     */
    public static final String MEETING_CADENCE_AGREED = "io.trustline.relationship.MeetingCadenceAgreed.v1";

    /**
     * Type of {@link CompetitorOfferDeclined}.
     *
     * @since v1
     */
    public static final String COMPETITOR_OFFER_DECLINED = "io.trustline.relationship.CompetitorOfferDeclined.v1";

    /**
     * Type of {@link ContractRenewed}.
     *
     * @since v1
     */
    public static final String CONTRACT_RENEWED = "io.trustline.relationship.ContractRenewed.v1";

    /**
     * Type of {@link ReferralGiven}.
     *
     * @since v1
     */
    public static final String REFERRAL_GIVEN = "io.trustline.relationship.ReferralGiven.v1";

    /**
     * Type of {@link GoodwillGesture}.
     *
     * @since v1
     */
    public static final String GOODWILL_GESTURE = "io.trustline.relationship.GoodwillGesture.v1";

    /**
     * Type of {@link FeedbackReceived}.
     *
     * @since v1
     */
    public static final String FEEDBACK_RECEIVED = "io.trustline.relationship.FeedbackReceived.v1";

    /**
     * Type of {@link TrustChanged}, derived from live scoring.
     *
     * @since v1
     */
    public static final String TRUST_CHANGED = "io.trustline.relationship.TrustChanged.v1";

    /**
     * Type of {@link LoyaltyChanged}, derived from live scoring.
     *
     * @since v1
     */
    public static final String LOYALTY_CHANGED = "io.trustline.relationship.LoyaltyChanged.v1";

    /**
     * Type of {@link ChurnRiskRaised}, derived from live scoring.
     *
     * @since v1
     */
    public static final String CHURN_RISK_RAISED = "io.trustline.relationship.ChurnRiskRaised.v1";

    /**
     * Type of {@link ChurnRiskCleared}, derived from live scoring.
     *
     * @since v1
     */
    public static final String CHURN_RISK_CLEARED = "io.trustline.relationship.ChurnRiskCleared.v1";

    /**
     * The types derived from the service's live scoring rather than recorded as moments of a relationship: a
     * consumer that wants the moments alone leaves these out.
     *
     * @since v1
     */
    public static final Set<String> DERIVED = Set.of(TRUST_CHANGED, LOYALTY_CHANGED, CHURN_RISK_RAISED,
            CHURN_RISK_CLEARED);

    private RelationshipEventTypes() {
    }
}
