package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;

/**
 * Seed 002: clients leave without warning. Time alone moves loyalty: it decays slowly without
 * contact and faster, week after week, once the review meeting is overdue. Sustained trust
 * (high or low for a whole tick) lifts or drags loyalty slowly (seed 004: loyalty is rooted in
 * trust). Runs on every clock tick.
 */
final class ContactClock {

    void tick(ClientState state, PointBuilder point) {
        ScoringModel.Contact contact = state.model().contact();
        Instant now = point.at();
        Instant due = state.meetingDueAt();
        if (now.isAfter(due)) {
            long weeksOverdue = Duration.between(due, now).dividedBy(contact.tick()) + 1;
            double amount = Math.max(contact.maxOverduePerTick(),
                    contact.meetingOverduePerTick() + contact.overdueEscalationPerTick() * (weeksOverdue - 1));
            String last = state.lastMeetingAt() == null ? "no meeting on record"
                    : "last meeting " + Wording.day(state.lastMeetingAt());
            point.loyalty(amount, "002.meeting-overdue", "review meeting overdue by "
                    + Wording.duration(Duration.between(due, now)) + " (agreed every " + state.meetingCadenceDays()
                    + " days, " + last + ")");
        } else if (Duration.between(state.lastContactAt(), now).toDays() > contact.graceDays()) {
            point.loyalty(contact.withoutContactPerTick(), "002.no-contact",
                    "no contact for " + Wording.days(Duration.between(state.lastContactAt(), now)));
        }
        sustainedTrust(state, point);
    }

    private static void sustainedTrust(ClientState state, PointBuilder point) {
        ScoringModel.SustainedTrust sustained = state.model().loyalty().sustainedTrust();
        int days = state.model().contact().tickDays();
        if (state.trustLowSinceTick() >= sustained.highAtLeast()) {
            point.loyalty(sustained.lift(), "004.sustained-high-trust", "trust held at "
                    + Wording.number(sustained.highAtLeast()) + " or more for " + days + " days");
        } else if (state.trustHighSinceTick() <= sustained.lowAtMost()) {
            point.loyalty(sustained.drag(), "003.sustained-low-trust", "trust stayed at "
                    + Wording.number(sustained.lowAtMost()) + " or less for " + days + " days");
        }
    }
}
