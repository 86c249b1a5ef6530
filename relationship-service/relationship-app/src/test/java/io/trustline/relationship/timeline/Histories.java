package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Client histories for the projection's tests: issues handled well and badly, spread over weeks. */
final class Histories {

    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private Histories() {
    }

    /**
     * {@code issues} issues, one every {@code daysApart} days: reported, expectations set, acknowledged, planned,
     * resolved (every third one missed instead of met), with ids that sort in time order.
     */
    static List<ClientEvent> issues(String prefix, int issues, int daysApart) {
        List<ClientEvent> events = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            String issue = prefix + "-issue-" + i;
            Instant at = START.plus(Duration.ofDays((long) i * daysApart));
            String id = prefix + "-" + String.format("%06d", i) + "-";
            events.add(new ClientEvent.IssueReported(id + "1", at, issue));
            events.add(new ClientEvent.ExpectationSet(id + "2", at.plusSeconds(60), issue, ClientEvent.Scope.TEAM,
                    ClientEvent.Impact.DEGRADED, at.plus(Duration.ofDays(1))));
            events.add(new ClientEvent.IssueAcknowledged(id + "3", at.plus(Duration.ofMinutes(10 + i % 50)), issue));
            events.add(new ClientEvent.ActionPlanIssued(id + "4", at.plus(Duration.ofMinutes(90 + 7 * (i % 20))), issue));
            events.add(new ClientEvent.IssueResolved(id + "5", at.plus(Duration.ofHours(5 + i % 30)), issue));
            events.add(i % 3 == 2
                    ? new ClientEvent.ExpectationMissed(id + "6", at.plus(Duration.ofHours(24)), issue)
                    : new ClientEvent.ExpectationMet(id + "6", at.plus(Duration.ofHours(6 + i % 30)), issue));
        }
        return events;
    }
}
