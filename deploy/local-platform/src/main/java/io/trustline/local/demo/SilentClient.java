package io.trustline.local.demo;

import java.util.List;

/**
 * Seed 002: every ticket handled on time and within budget, yet no meeting for months; the client "just leaves".
 * A logistics firm (the article's "who stole my cheese").
 */
final class SilentClient implements SeedStory {

    @Override
    public String seed() {
        return "002";
    }

    @Override
    public String clientId() {
        return "cheddar-logistics";
    }

    @Override
    public String title() {
        return "every ticket on time, no meeting for months";
    }

    @Override
    public String lookFor() {
        return "HIGH churn risk at the top of the portfolio: MEETING_OVERDUE, loyalty decaying week by week "
                + "while trust holds (in the article this client left without warning)";
    }

    @Override
    public void play(StoryScript s) {
        List<String> people = List.of("Chris Dale (operations)", "Ava Account");
        s.cadence(s.daysAgo(150, 9, 0), 30);
        s.meeting("onboarding", s.daysAgo(148, 14, 0), "ONBOARDING", true, people, null);
        s.meeting("review-1", s.daysAgo(118, 14, 0), "MONTHLY_REVIEW", false, people, "last meeting held");

        int[] ticketDaysAgo = {100, 71, 43, 12};
        String[] titles = {"Label printer offline in the depot", "VPN drops for the night shift",
                "New starter needs a laptop and accounts", "Scanner app crashes on the loading dock"};
        for (int i = 0; i < ticketDaysAgo.length; i++) {
            int day = ticketDaysAgo[i];
            s.ticket(700201 + i, s.daysAgo(day, 8, 0), titles[i], "reported by the depot supervisor", 2)
                    .responded(s.daysAgo(day, 8, 9))
                    .resolved(s.daysAgo(day, 9, 40))
                    .note(s.daysAgo(day, 9, 45), "Resolved", "Done and tested with the supervisor.");
        }
    }
}
