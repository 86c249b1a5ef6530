package io.trustline.local.demo;

import static io.trustline.local.demo.StoryScript.body;

import java.util.List;

/**
 * Seed 001: the payroll server down the day before payroll is due, the expectation asked as Who? What? When? Where?
 * How? before any work, proactive updates instead of a vacuum, and the deadline met. A dental practice.
 *
 * <p>The issue is reported today: intake takes no past report time over its API (the client's deadline must lie
 * ahead of the report), so the incident is worked at the services' clock; the months before it are backdated.
 */
final class PayrollDeadline implements SeedStory {

    @Override
    public String seed() {
        return "001";
    }

    @Override
    public String clientId() {
        return "harbour-dental";
    }

    @Override
    public String title() {
        return "the payroll deadline, asked as Who/What/When/Where/How";
    }

    @Override
    public String lookFor() {
        return "today's payroll incident: the five answers, every target met, ExpectationMet before the deadline";
    }

    @Override
    public void play(StoryScript s) {
        List<String> people = List.of("Dana Office (practice manager)", "Sam Tech");
        s.cadence(s.daysAgo(100, 9, 0), 30);
        s.meeting("review-1", s.daysAgo(95, 16, 0), "MONTHLY_REVIEW", true, people, null);
        s.meeting("review-2", s.daysAgo(65, 16, 0), "MONTHLY_REVIEW", false, people, null);
        s.meeting("review-3", s.daysAgo(35, 16, 0), "QBR", true, people, "two new hygienists start next quarter");
        s.meeting("review-4", s.daysAgo(6, 16, 0), "MONTHLY_REVIEW", true, people, null);

        String issueId = s.reportIssue("payroll-report", body(
                "summary", "Payroll server unreachable the day before payroll",
                "description", "The payroll application does not open on any PC; payroll is due tomorrow.",
                "reportedBy", body("name", "Dana Office", "phone", "+1 805 555 0101"),
                "channel", "PHONE",
                "priority", "CRITICAL",
                "expectation", body(
                        "who", body("scope", "EVERYONE", "affectedCount", 14),
                        "what", body("impact", "STOPPED", "costPerHour", 900,
                                "description", "no one can be paid unless payroll runs"),
                        "when", body("resolveBy", s.daysAhead(1, 17).toString(), "reason", "payroll is due tomorrow"),
                        "where", body("location", "Harbour Street practice, back office", "workMode", "ON_SITE"),
                        "how", body("resolvedWhen", "the payroll export is accepted by the bank",
                                "acceptanceChecks", List.of("payroll application opens on the back-office PCs",
                                        "the bank accepts the payroll export")))));
        // the incident opens and learns its targets from intake's events: its confirmation judges against them
        s.awaitIncident(issueId, incident -> !incident.path("targets").isMissingNode()
                && !incident.path("targets").isNull());

        s.incident(issueId, "acknowledge", "acknowledgement", body("by", "Sam Tech",
                "note", "on site within the hour"), null, "IssueAcknowledged");
        s.incident(issueId, "plan", "action-plan", body("steps", List.of("restore the payroll VM from last night's "
                        + "snapshot", "check the database licence", "run a test export with Dana"), "owner", "Sam Tech"),
                null, "ActionPlanIssued");
        s.incident(issueId, "update", "updates", body("message", "The VM is restored; checking the licence now.",
                "channel", "PHONE"), null, "ProactiveUpdateSent");
        s.incident(issueId, "plan-done", "action-plan/completion", body("note", "restored, licence renewed"), null,
                "ActionPlanCompleted");
        s.incident(issueId, "resolve", "resolution", body("summary", "payroll VM restored from snapshot, licence "
                + "renewed, test export accepted by the bank"), null, "IssueResolved");
        s.incident(issueId, "confirm", "confirmation", body("howCriteriaMet", true, "checks", List.of(
                        body("check", "payroll application opens on the back-office PCs", "passed", true),
                        body("check", "the bank accepts the payroll export", "passed", true)),
                "comment", "payroll went out on time"), null, "ResolutionConfirmed");
        s.expect("ExpectationMet");
    }
}
