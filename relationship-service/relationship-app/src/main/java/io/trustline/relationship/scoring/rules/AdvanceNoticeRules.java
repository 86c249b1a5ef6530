package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ClientEvent.AdvanceNoticeFulfilled;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Duration;

/**
 * Seed 001, advance notice instead of fire drills: a client who tells us a week ahead that a new hire starts Monday
 * has done their part. Keeping that date earns trust; missing it costs more than missing a fire drill of one person,
 * because they warned us. A short notice moves trust less either way. Judged on the fulfilment, which carries the
 * notice's dates, so the order the two events arrive in does not matter.
 */
final class AdvanceNoticeRules implements ScoringRules {

    @Override
    public void on(ClientEvent event, ClientState state, PointBuilder point) {
        if (event instanceof AdvanceNoticeFulfilled fulfilled) {
            fulfilled(fulfilled, state.model(), point);
        }
    }

    private static void fulfilled(AdvanceNoticeFulfilled fulfilled, ScoringModel model, PointBuilder point) {
        ScoringModel.TrustWeights weights = model.trust();
        Duration lead = fulfilled.leadTime();
        boolean comfortable = lead.compareTo(model.advanceNotice().comfortableLead()) >= 0;
        String what = "'" + fulfilled.summary() + "'";
        String notice = comfortable
                ? "the client gave " + Wording.duration(lead) + " of notice (" + model.advanceNotice().comfortableLeadDays()
                        + " days or more is comfortable)"
                : "on a short notice of " + Wording.duration(lead) + " (under the comfortable "
                        + model.advanceNotice().comfortableLeadDays() + " days)";
        if (fulfilled.onTime()) {
            Duration ahead = Duration.between(fulfilled.occurredAt(), fulfilled.neededBy());
            String when = ahead.isZero() ? "ready the moment it was needed"
                    : "ready " + Wording.duration(ahead) + " before it was needed";
            point.trust(comfortable ? weights.advanceNoticeKept() : weights.shortNoticeKept(),
                    comfortable ? "001.advance-notice-kept" : "001.short-notice-kept", what + " " + when + "; " + notice);
        } else {
            String late = what + " ready " + Wording.duration(Duration.between(fulfilled.neededBy(), fulfilled.occurredAt()))
                    + " after it was needed";
            point.trust(comfortable ? weights.advanceNoticeMissed() : weights.shortNoticeMissed(),
                    comfortable ? "001.advance-notice-missed" : "001.short-notice-missed",
                    late + (comfortable ? ", though " : "; ") + notice);
        }
    }
}
