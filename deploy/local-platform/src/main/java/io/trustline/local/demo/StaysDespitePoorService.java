package io.trustline.local.demo;

import static io.trustline.local.demo.StoryScript.body;

import java.util.List;

/**
 * Seed 003: slow responses, repeat issues, data loss and downtime, the client chasing us — and a long-time client who
 * renews and keeps meeting us anyway, because leaving a relationship hurts. A small law firm.
 */
final class StaysDespitePoorService implements SeedStory {

    @Override
    public String seed() {
        return "003";
    }

    @Override
    public String clientId() {
        return "oldfield-law";
    }

    @Override
    public String title() {
        return "the long-time client who stays despite poor service";
    }

    @Override
    public String lookFor() {
        return "trust sinking with every late response, chase and reopening while loyalty stays high "
                + "(renewal, monthly meetings): STUCK_RELATIONSHIP";
    }

    @Override
    public void play(StoryScript s) {
        List<String> people = List.of("Margaret Oldfield (partner)", "Ava Account");
        s.cadence(s.daysAgo(132, 9, 0), 30);
        s.renewal("renewal", s.daysAgo(130, 11, 0), 36, 24000, "USD");
        s.meeting("review-1", s.daysAgo(128, 11, 0), "QBR", true, people, "renewed for the fourth time");

        poorly(s, 700301, 95, "Case-management server slow again", true, true, true);
        poorly(s, 700302, 88, "Printer offline again", false, false, false);
        s.feedback("csat-1", s.daysAgo(86, 12, 0), 2, "Same problems as last year.", null);
        poorly(s, 700303, 82, "Client files missing after the sync", true, false, false);
        s.meeting("review-2", s.daysAgo(98, 11, 0), "MONTHLY_REVIEW", true, people, null);
        s.meeting("review-3", s.daysAgo(68, 11, 0), "MONTHLY_REVIEW", true, people,
                "complained about the slow server; we promised to look into it");
        poorly(s, 700304, 60, "Virus warning on the reception PC", true, false, true);
        s.feedback("csat-2", s.daysAgo(55, 12, 0), 2, "You are nice people, but it keeps breaking.", null);
        poorly(s, 700305, 40, "Email slow for everyone", false, false, false);
        s.meeting("review-4", s.daysAgo(38, 11, 0), "MONTHLY_REVIEW", true, people, null);
        poorly(s, 700306, 20, "Server down for the morning", true, false, false);
        s.meeting("review-5", s.daysAgo(8, 11, 0), "MONTHLY_REVIEW", true, people,
                "staying with us: 'you will figure it out eventually'");
    }

    /** A ticket answered hours late and fixed two days later, the client chasing, perhaps reopened. */
    private static void poorly(StoryScript s, long number, int day, String title, boolean chased, boolean latePlan,
                               boolean reopened) {
        StoryScript.PsaTicket ticket = s.ticket(number, s.daysAgo(day, 8, 0), title, "again", 2);
        if (chased) {
            s.awaitIncident(ticket.issueId(), incident -> true);
            s.incident(ticket.issueId(), "chase-" + number, "chases", body("channel", "PHONE",
                    "asked", "has anyone looked at this yet?"), s.daysAgo(day, 10, 30), "ClientChasedUpdate");
        }
        ticket.responded(s.daysAgo(day, 11, 45));
        if (latePlan) {
            ticket.planned(s.daysAgo(day, 16, 0));
        }
        ticket.resolved(s.daysAgo(day - 2, 16, 0));
        if (reopened) {
            ticket.reopened(s.daysAgo(day - 3, 9, 0)).resolved(s.daysAgo(day - 4, 12, 0));
        }
    }
}
