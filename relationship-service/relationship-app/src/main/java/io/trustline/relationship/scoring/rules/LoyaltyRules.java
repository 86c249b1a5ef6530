package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent.CompetitorOfferDeclined;
import io.trustline.relationship.scoring.ClientEvent.ContractRenewed;
import io.trustline.relationship.scoring.ClientEvent.FeedbackReceived;
import io.trustline.relationship.scoring.ClientEvent.GoodwillGesture;
import io.trustline.relationship.scoring.ClientEvent.MeetingCadenceAgreed;
import io.trustline.relationship.scoring.ClientEvent.MeetingHeld;
import io.trustline.relationship.scoring.ClientEvent.ReferralGiven;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.model.ScoringModel;

/**
 * Loyalty answers "would they refuse a better offer?" (seed 004). It moves with the relationship
 * itself: offers declined, renewals, referrals, gestures (seed 000) and meetings (seed 002).
 */
final class LoyaltyRules implements ScoringRules {

    @Override
    public void on(ClientEvent event, ClientState state, PointBuilder point) {
        ScoringModel.LoyaltyWeights weights = state.model().loyalty();
        if (event instanceof CompetitorOfferDeclined) {
            point.loyalty(weights.competitorOfferDeclined(), "004.offer-declined",
                    "the client declined a competitor's offer: refusing a momentarily better option");
        } else if (event instanceof ContractRenewed) {
            point.loyalty(weights.contractRenewed(), "004.contract-renewed", "the contract was renewed");
        } else if (event instanceof ReferralGiven) {
            point.loyalty(weights.referralGiven(), "004.referral", "the client referred us to someone else");
        } else if (event instanceof GoodwillGesture) {
            point.loyalty(weights.goodwillGesture(), "000.goodwill-gesture",
                    "a personal goodwill gesture nobody asked for");
            point.trust(state.model().trust().goodwillGesture(), "000.goodwill-gesture", "someone is in the client's corner");
        } else if (event instanceof MeetingHeld meeting) {
            meeting(meeting, state, weights, point);
        } else if (event instanceof MeetingCadenceAgreed cadence) {
            point.loyalty(0, "002.meeting-cadence", "review meetings agreed every " + cadence.everyDays() + " days");
        } else if (event instanceof FeedbackReceived feedback) {
            feedback(feedback, state.model(), point);
        }
    }

    private static void meeting(MeetingHeld meeting, ClientState state, ScoringModel.LoyaltyWeights weights,
                                PointBuilder point) {
        String cadence = "; next one due in " + state.meetingCadenceDays() + " days";
        if (meeting.faceToFace()) {
            point.loyalty(weights.meetingFaceToFace(), "002.meeting", "a face-to-face review meeting" + cadence);
        } else {
            point.loyalty(weights.meetingRemote(), "002.meeting", "a remote review meeting" + cadence);
        }
    }

    private static void feedback(FeedbackReceived feedback, ScoringModel model, PointBuilder point) {
        if (feedback.csat() != null) {
            point.trust((feedback.csat() - 3) * model.trust().csatPerPointFromNeutral(), "feedback.csat",
                    "CSAT " + feedback.csat() + " of 5");
        }
        Integer nps = feedback.nps();
        if (nps != null) {
            if (nps >= 9) {
                point.loyalty(model.loyalty().npsPromoter(), "feedback.nps", "NPS " + nps + ": a promoter");
            } else if (nps <= 6) {
                point.loyalty(model.loyalty().npsDetractor(), "feedback.nps", "NPS " + nps + ": a detractor");
            } else {
                point.loyalty(0, "feedback.nps", "NPS " + nps + ": passive");
            }
        }
    }
}
