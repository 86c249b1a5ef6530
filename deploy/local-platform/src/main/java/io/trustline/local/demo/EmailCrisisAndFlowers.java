package io.trustline.local.demo;

import java.util.List;

/**
 * Seed 000: a stressed client's email fixed quickly, and the tech who brought her flowers on his way home, unasked.
 * A bookkeeper whose own clients wait on her email.
 */
final class EmailCrisisAndFlowers implements SeedStory {

    @Override
    public String seed() {
        return "000";
    }

    @Override
    public String clientId() {
        return "rosewood-bookkeeping";
    }

    @Override
    public String title() {
        return "the email crisis and the flowers";
    }

    @Override
    public String lookFor() {
        return "loyalty steps up at the GoodwillGesture point (flowers, the evening of the email fix)";
    }

    @Override
    public void play(StoryScript s) {
        List<String> people = List.of("Rose Hartley (owner)", "Sam Tech");
        s.cadence(s.daysAgo(120, 9, 0), 30);
        s.meeting("onboarding", s.daysAgo(118, 10, 0), "ONBOARDING", true, people, "mailboxes and backups moved over");
        s.meeting("review-1", s.daysAgo(88, 10, 0), "MONTHLY_REVIEW", true, people, null);
        s.meeting("review-2", s.daysAgo(58, 10, 0), "MONTHLY_REVIEW", false, people, null);

        StoryScript.PsaTicket email = s.ticket(700001, s.daysAgo(30, 9, 5), "Email not sending",
                "Rose cannot send to her clients; tax returns are waiting on her replies and she is very stressed. "
                        + "Nothing she did caused it.", 1);
        email.responded(s.daysAgo(30, 9, 12))
                .planned(s.daysAgo(30, 9, 35))
                .resolved(s.daysAgo(30, 10, 50))
                .note(s.daysAgo(30, 10, 55), "Resolved", "Your email is flowing again and the 14 stuck messages went out.");
        s.gesture("flowers", s.daysAgo(30, 18, 20),
                "stopped by her office on his way home and brought her flowers, unasked, after the email scare",
                "Sam Tech");

        s.meeting("review-3", s.daysAgo(27, 10, 0), "MONTHLY_REVIEW", true, people,
                "Rose told us about the flowers: she knows someone is in her corner");
        s.meeting("review-4", s.daysAgo(2, 10, 0), "MONTHLY_REVIEW", true, people, null);
    }
}
