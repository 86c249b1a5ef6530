package io.trustline.relationship.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.intake.api.AdvanceNoticeFulfilled;
import io.trustline.intake.api.AdvanceNoticeGiven;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IssueReported;
import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, "advance notice instead of fire drills": on Tuesday 09:00 the dental practice tells us a new hire starts
 * Monday 08:00 (intake's golden notice, almost six days ahead). Read through the catalog mapping from the producer's
 * golden examples and scored by the default model. What a reader of the seed expects: keeping a date we were warned of
 * earns trust; missing it costs more than missing a fire drill of the same size, because the client did their part.
 */
class Seed001AdvanceNoticeTest {

    private static final ScoringEngine ENGINE = new ScoringEngine(ScoringModelFiles.builtInDefault());
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant MONDAY_8AM = Instant.parse("2026-03-09T08:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-03-06T16:30:00Z");
    private static final Instant MONDAY_10_30 = Instant.parse("2026-03-09T10:30:00Z");

    @Test
    @DisplayName("001: told six days ahead, the new hire's workstation is ready on Friday — trust earned")
    void aComfortableNoticeKept_earnsTrust() {
        List<ClientEvent> history = notice(TUESDAY);
        history.add(fulfilment(FRIDAY, TUESDAY));

        Timeline timeline = ENGINE.timeline(history);
        TimelinePoint given = point(timeline, "n-1");
        TimelinePoint kept = point(timeline, "n-2");

        assertThat(given.changes()).isEmpty();
        assertThat(given.trustAfter()).isEqualTo(given.trustBefore());
        assertThat(kept.trustAfter() - kept.trustBefore()).isEqualTo(3);
        Change change = kept.changes().get(0);
        assertThat(change.rule()).isEqualTo("001.advance-notice-kept");
        assertThat(change.sentence()).isEqualTo("+3 trust: 'new hire starts Monday: laptop, accounts and a desk phone' "
                + "ready 2 days 15 h before it was needed; the client gave 5 days 23 h of notice "
                + "(3 days or more is comfortable)");
    }

    @Test
    @DisplayName("001: missing a well-announced date costs more than missing a fire drill of one person stopped")
    void missingAWellAnnouncedDate_costsMoreThanMissingAFireDrill() {
        List<ClientEvent> announced = notice(TUESDAY);
        announced.add(fulfilment(MONDAY_10_30, TUESDAY));
        // the same new hire as a fire drill: reported Monday 08:00, one person stopped, wanted working by 09:00
        List<ClientEvent> fireDrill = fireDrillOnMonday();

        TimelinePoint noticeMissed = point(ENGINE.timeline(announced), "n-2");
        TimelinePoint drillMissed = point(ENGINE.timeline(fireDrill), "f-3");

        double noticeCost = noticeMissed.trustAfter() - noticeMissed.trustBefore();
        double drillCost = drillMissed.trustAfter() - drillMissed.trustBefore();
        assertThat(drillCost).isEqualTo(-8);
        assertThat(noticeCost).isEqualTo(-10).isLessThan(drillCost);
        assertThat(noticeMissed.changes().get(0).rule()).isEqualTo("001.advance-notice-missed");
        assertThat(noticeMissed.changes().get(0).sentence()).contains("ready 2 h 30 min after it was needed, though "
                + "the client gave 5 days 23 h of notice");
        assertThat(drillMissed.changes().get(0).rule()).isEqualTo("001.expectation-missed");
    }

    @Test
    @DisplayName("001: a short notice moves trust less, kept or missed")
    void aShortNotice_earnsLessWhenKept_andCostsLessWhenMissed() {
        Instant sundayMorning = MONDAY_8AM.minus(Duration.ofHours(22));

        double shortKept = trustChange(sundayMorning, Instant.parse("2026-03-09T07:30:00Z"), "001.short-notice-kept");
        double comfortableKept = trustChange(TUESDAY, FRIDAY, "001.advance-notice-kept");
        double shortMissed = trustChange(sundayMorning, MONDAY_10_30, "001.short-notice-missed");
        double comfortableMissed = trustChange(TUESDAY, MONDAY_10_30, "001.advance-notice-missed");

        assertThat(shortKept).isPositive().isLessThan(comfortableKept);
        assertThat(shortMissed).isNegative().isGreaterThan(comfortableMissed);
    }

    @Test
    @DisplayName("001: a fulfilment scored before its notice arrives scores the same")
    void theFulfilment_isJudgedOnItsOwn_whateverOrderTheEventsArriveIn() {
        List<ClientEvent> fulfilmentOnly = new ArrayList<>();
        fulfilmentOnly.add(fulfilment(MONDAY_10_30, TUESDAY));
        List<ClientEvent> both = notice(TUESDAY);
        both.add(fulfilment(MONDAY_10_30, TUESDAY));

        assertThat(point(ENGINE.timeline(fulfilmentOnly), "n-2").changes())
                .isEqualTo(point(ENGINE.timeline(both), "n-2").changes());
    }

    private static double trustChange(Instant givenAt, Instant fulfilledAt, String expectedRule) {
        List<ClientEvent> history = notice(givenAt);
        history.add(fulfilment(fulfilledAt, givenAt));
        TimelinePoint point = point(ENGINE.timeline(history), "n-2");
        assertThat(point.changes()).extracting(Change::rule).containsExactly(expectedRule);
        return point.trustAfter() - point.trustBefore();
    }

    private static List<ClientEvent> notice(Instant givenAt) {
        GoldenExample<AdvanceNoticeGiven> given = GoldenJson.example(AdvanceNoticeGiven.class)
                .with("occurredAt", givenAt.toString())
                .with("leadTime", Duration.between(givenAt, MONDAY_8AM).toString());
        List<ClientEvent> history = new ArrayList<>();
        history.add(translate(IntakeEventTypes.ADVANCE_NOTICE_GIVEN, "n-1", givenAt, given));
        return history;
    }

    private static ClientEvent fulfilment(Instant fulfilledAt, Instant givenAt) {
        GoldenExample<AdvanceNoticeFulfilled> fulfilled = GoldenJson.example(AdvanceNoticeFulfilled.class)
                .with("occurredAt", fulfilledAt.toString())
                .with("givenAt", givenAt.toString())
                .with("leadTime", Duration.between(givenAt, MONDAY_8AM).toString())
                .with("onTime", !fulfilledAt.isAfter(MONDAY_8AM));
        fulfilled = fulfilledAt.isAfter(MONDAY_8AM)
                ? fulfilled.with("lateness", Duration.between(MONDAY_8AM, fulfilledAt).toString())
                : fulfilled.without("lateness");
        return translate(IntakeEventTypes.ADVANCE_NOTICE_FULFILLED, "n-2", fulfilledAt, fulfilled);
    }

    private static List<ClientEvent> fireDrillOnMonday() {
        GoldenExample<IssueReported> reported = GoldenJson.example(IssueReported.class)
                .with("occurredAt", MONDAY_8AM.toString());
        GoldenExample<ExpectationSet> onePersonStopped = GoldenJson.example(ExpectationSet.class)
                .with("occurredAt", MONDAY_8AM.toString())
                .with("expectation.who.scope", "ONE_PERSON").with("expectation.who.affectedCount", 1)
                .with("expectation.when.resolveBy", MONDAY_8AM.plus(Duration.ofHours(1)).toString());
        GoldenExample<ExpectationMissed> missed = GoldenJson.example(ExpectationMissed.class);
        List<ClientEvent> history = new ArrayList<>();
        history.add(translate(IntakeEventTypes.ISSUE_REPORTED, "f-1", MONDAY_8AM, reported));
        history.add(translate(IntakeEventTypes.EXPECTATION_SET, "f-2", MONDAY_8AM, onePersonStopped));
        history.add(translate(IncidentEventTypes.EXPECTATION_MISSED, "f-3", MONDAY_10_30, missed));
        return history;
    }

    private static TimelinePoint point(Timeline timeline, String eventId) {
        return timeline.points().stream().filter(p -> eventId.equals(p.eventId())).findFirst().orElseThrow();
    }

    private static ClientEvent translate(String type, String eventId, Instant at, GoldenExample<?> example) {
        return CatalogEvents.translate(type, eventId, at, GoldenEventData.of(example)).orElseThrow();
    }
}
