package io.trustline.relationship.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IssueReported;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, expectations that move: intake's golden payroll story (reported 08:15, everyone stopped, payroll due
 * 2026-03-03 12:00) with one {@code ExpectationRevised}, read through the catalog mapping and scored by the default
 * model. What a reader of the seed expects: a client moving their own deadline costs us nothing; our asking for more
 * time before the deadline costs a little, far less than a miss; asking only after the deadline passed costs like one.
 */
class RevisedExpectationScoringTest {

    private static final ScoringEngine ENGINE = new ScoringEngine(ScoringModelFiles.builtInDefault());
    private static final Instant EVENING_BEFORE = Instant.parse("2026-03-02T17:40:00Z");
    private static final Instant DAY_AFTER = Instant.parse("2026-03-04T09:00:00Z");

    @Test
    @DisplayName("001: the client moves their own deadline, before it — no cost to us")
    void theClientRevising_beforeTheDeadline_costsNothing() {
        TimelinePoint revision = revisionPoint("CLIENT", EVENING_BEFORE);

        assertThat(revision.trustAfter() - revision.trustBefore()).isZero();
        assertThat(revision.changes()).extracting(c -> c.rule()).containsExactly("001.revised-by-client");
    }

    @Test
    @DisplayName("001: the client moves their own deadline, after it passed — still no cost to us")
    void theClientRevising_afterTheDeadline_costsNothing() {
        TimelinePoint revision = revisionPoint("CLIENT", DAY_AFTER);

        assertThat(revision.trustAfter() - revision.trustBefore()).isZero();
        assertThat(revision.changes()).extracting(c -> c.rule()).containsExactly("001.revised-by-client");
    }

    @Test
    @DisplayName("001: we ask for more time the evening before the deadline — a small cost, far less than a miss")
    void theProviderRevising_beforeTheDeadline_costsLittle() {
        TimelinePoint inTime = revisionPoint("PROVIDER", EVENING_BEFORE);
        TimelinePoint tooLate = revisionPoint("PROVIDER", DAY_AFTER);

        double cost = inTime.trustAfter() - inTime.trustBefore();
        assertThat(cost).isNegative();
        assertThat(cost).isGreaterThan(tooLate.trustAfter() - tooLate.trustBefore());
        assertThat(inTime.changes()).extracting(c -> c.rule()).containsExactly("001.revised-in-time");
        assertThat(inTime.changes().get(0).because()).contains("before the deadline");
    }

    @Test
    @DisplayName("001: we ask for more time only after the deadline passed — it costs like the miss it is")
    void theProviderRevising_afterTheDeadline_costsLikeAMiss() {
        TimelinePoint tooLate = revisionPoint("PROVIDER", DAY_AFTER);

        assertThat(tooLate.trustAfter() - tooLate.trustBefore()).isNegative();
        assertThat(tooLate.changes()).extracting(c -> c.rule()).containsExactly("001.revised-too-late");
        assertThat(tooLate.changes().get(0).because()).contains("after the deadline had passed");
    }

    @Test
    @DisplayName("001: after a revision, the new deadline is the one a later miss is judged against")
    void aRevisedDeadline_isTheOneJudgedNext() {
        // a second revision the morning after the first deadline, but before the revised one (Wednesday noon)
        List<ClientEvent> history = payrollIssue();
        history.add(revision("PROVIDER", EVENING_BEFORE, "e-3"));
        history.add(revision("PROVIDER", Instant.parse("2026-03-03T15:00:00Z"), "e-4"));

        TimelinePoint second = point(ENGINE.timeline(history), "e-4");

        assertThat(second.changes()).extracting(c -> c.rule()).containsExactly("001.revised-in-time");
    }

    @Test
    @DisplayName("001: the client says only one person is still hit, and only now and then — a later miss costs less")
    void aRevisedWhoAndWhat_weighALaterMiss() {
        Instant missedAt = Instant.parse("2026-03-04T12:00:00Z");
        List<ClientEvent> unrevised = payrollIssue();
        unrevised.add(revision("CLIENT", EVENING_BEFORE, "e-3"));
        unrevised.add(missed(missedAt));
        List<ClientEvent> narrowed = payrollIssue();
        GoldenExample<ExpectationRevised> onePerson = GoldenJson.example(ExpectationRevised.class)
                .with("requestedBy", "CLIENT").with("occurredAt", EVENING_BEFORE.toString())
                .with("changes.who", java.util.Map.of("before", java.util.Map.of("scope", "EVERYONE"),
                        "after", java.util.Map.of("scope", "ONE_PERSON")))
                .with("changes.what", java.util.Map.of("before", java.util.Map.of("impact", "STOPPED"),
                        "after", java.util.Map.of("impact", "INTERMITTENT")));
        narrowed.add(translate(IntakeEventTypes.EXPECTATION_REVISED, "e-3", EVENING_BEFORE, onePerson));
        narrowed.add(missed(missedAt));

        TimelinePoint everyoneStopped = point(ENGINE.timeline(unrevised), "e-9");
        TimelinePoint onePersonNowAndThen = point(ENGINE.timeline(narrowed), "e-9");

        double fullCost = everyoneStopped.trustAfter() - everyoneStopped.trustBefore();
        double narrowedCost = onePersonNowAndThen.trustAfter() - onePersonNowAndThen.trustBefore();
        assertThat(narrowedCost).isNegative().isGreaterThan(fullCost);
        assertThat(onePersonNowAndThen.changes().get(0).because()).containsIgnoringCase("one person");
    }

    private static ClientEvent missed(Instant at) {
        GoldenExample<ExpectationMissed> missed = GoldenJson.example(ExpectationMissed.class);
        return translate(IncidentEventTypes.EXPECTATION_MISSED, "e-9", at, missed);
    }

    private static TimelinePoint revisionPoint(String requestedBy, Instant at) {
        List<ClientEvent> history = payrollIssue();
        history.add(revision(requestedBy, at, "e-3"));
        return point(ENGINE.timeline(history), "e-3");
    }

    private static List<ClientEvent> payrollIssue() {
        GoldenExample<IssueReported> reported = GoldenJson.example(IssueReported.class);
        GoldenExample<ExpectationSet> expected = GoldenJson.example(ExpectationSet.class);
        List<ClientEvent> history = new ArrayList<>();
        history.add(translate(IntakeEventTypes.ISSUE_REPORTED, "e-1", reported.instant("occurredAt"), reported));
        history.add(translate(IntakeEventTypes.EXPECTATION_SET, "e-2", expected.instant("occurredAt"), expected));
        return history;
    }

    private static ClientEvent revision(String requestedBy, Instant at, String eventId) {
        GoldenExample<ExpectationRevised> revised = GoldenJson.example(ExpectationRevised.class)
                .with("requestedBy", requestedBy).with("occurredAt", at.toString())
                .with("askedBeforeDeadline", !at.isAfter(Instant.parse("2026-03-03T12:00:00Z")));
        return translate(IntakeEventTypes.EXPECTATION_REVISED, eventId, at, revised);
    }

    private static TimelinePoint point(Timeline timeline, String eventId) {
        return timeline.points().stream().filter(p -> eventId.equals(p.eventId())).findFirst().orElseThrow();
    }

    private static ClientEvent translate(String type, String eventId, Instant at, GoldenExample<?> example) {
        return CatalogEvents.translate(type, eventId, at, GoldenEventData.of(example)).orElseThrow();
    }
}
