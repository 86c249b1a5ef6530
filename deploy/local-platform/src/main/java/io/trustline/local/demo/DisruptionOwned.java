package io.trustline.local.demo;

import static io.trustline.local.demo.StoryScript.body;

import java.util.List;

/**
 * Seed 004: disruptions we caused, admitted at once with an action plan and fixed quickly — and a long-time client
 * who turns down every competitor's better offer because we make him feel safe. A manufacturer.
 */
final class DisruptionOwned implements SeedStory {

    private static final String CLIENT_WORDS = "your team makes me feel safe: you admit when there are issues, "
            + "give me your action plan and make it happen quickly";

    @Override
    public String seed() {
        return "004";
    }

    @Override
    public String clientId() {
        return "steadfast-manufacturing";
    }

    @Override
    public String title() {
        return "the disruption admitted with a plan, and the offers refused";
    }

    @Override
    public String lookFor() {
        return "trust dips at each admitted disruption and ends higher after the plan and the quick fix; "
                + "loyalty jumps at every CompetitorOfferDeclined";
    }

    @Override
    public void play(StoryScript s) {
        List<String> people = List.of("Ted Morrow (CFO)", "Jay Lead", "Ava Account");
        s.cadence(s.daysAgo(160, 9, 0), 30);
        // remote meetings, mostly: three refused offers at +12 each would otherwise push loyalty against the top of
        // the scale, where a fourth reason to stay could no longer show
        s.meeting("qbr-1", s.daysAgo(150, 11, 0), "QBR", false, people, null);
        s.meeting("review-1", s.daysAgo(120, 11, 0), "MONTHLY_REVIEW", false, people, null);
        s.offerDeclined("offer-1", s.daysAgo(110, 15, 0), "CheapIT Ltd", "three months of free support",
                CLIENT_WORDS);

        disruption(s, 700401, 80, "ERP unreachable on the shop floor",
                "our firmware update on the core switch took the ERP network down",
                List.of("roll the core switch back to the previous firmware", "verify ERP from every line terminal"));
        s.meeting("review-2", s.daysAgo(90, 11, 0), "MONTHLY_REVIEW", false, people, null);
        s.offerDeclined("offer-2", s.daysAgo(70, 15, 0), "NetSure", "the same service for 20% less",
                "I've never once considered it; " + CLIENT_WORDS);
        s.meeting("review-3", s.daysAgo(60, 11, 0), "MONTHLY_REVIEW", false, people, null);

        disruption(s, 700402, 42, "Last night's backups missing",
                "our change to the backup schedule skipped the file server for two nights",
                List.of("run a full backup now", "restore-test three files with the client", "alert on skipped jobs"));
        s.meeting("qbr-2", s.daysAgo(30, 11, 0), "QBR", false, people, "Ted: 'you guys deserve my business'");
        s.offerDeclined("offer-3", s.daysAgo(20, 15, 0), "BigBox IT", "free laptops for the office if they switch",
                CLIENT_WORDS);
        s.meeting("review-4", s.daysAgo(3, 11, 0), "MONTHLY_REVIEW", false, people, null);
    }

    /** Reported in Autotask, admitted by us at once, an action plan within the half hour, fixed within hours. */
    private static void disruption(StoryScript s, long number, int day, String title, String whatHappened,
                                   List<String> steps) {
        StoryScript.PsaTicket ticket = s.ticket(number, s.daysAgo(day, 7, 30), title, "reported by the plant manager", 1);
        ticket.responded(s.daysAgo(day, 7, 38));
        String issueId = ticket.issueId();
        s.awaitIncident(issueId, incident -> true);
        s.incident(issueId, "disruption-" + number, "disruptions", body("discovery", "DISCLOSED_BY_PROVIDER",
                "whatHappened", whatHappened), s.daysAgo(day, 7, 45), "ServiceDisruptionAdmitted");
        s.incident(issueId, "plan-" + number, "action-plan", body("steps", steps, "owner", "Jay Lead"),
                s.daysAgo(day, 8, 5), "ActionPlanIssued");
        s.incident(issueId, "plan-done-" + number, "action-plan/completion", body("note", "done, verified with the "
                + "client"), s.daysAgo(day, 9, 30), "ActionPlanCompleted");
        ticket.resolved(s.daysAgo(day, 9, 40))
                .note(s.daysAgo(day, 9, 50), "Resolved", "Fixed. It was our change; here is what we do so it cannot "
                        + "happen again.");
    }
}
