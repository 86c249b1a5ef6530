package io.trustline.relationship.scoring.comparison;

import static io.trustline.relationship.scoring.Scoring.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.scoring.History;
import io.trustline.relationship.scoring.Scoring;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.churn.ChurnCause.Kind;
import io.trustline.relationship.scoring.churn.ChurnRisk.Level;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As of a date, under another model, and two models side by side over the same histories. */
class WhatIfTest {

    private static final String START = "2026-01-05T09:00:00Z";

    /** Version 2 of the default: review meetings every two weeks instead of monthly. */
    private static final ScoringModel FORTNIGHTLY = Scoring.variant(
            "version: 1", "version: 2",
            "meetingCadenceDays: 30 ", "meetingCadenceDays: 14 ");

    @Test
    void asOfADate_theTimelineAndRiskAreWhatTheyWereThen_notWhatTheyAreNow() {
        History history = History.startingAt(START).meeting(true).afterDays(50).meeting(true).afterDays(1).offerDeclined();
        Instant beforeSecondMeeting = history.now().minus(Duration.ofDays(2));

        Timeline then = ENGINE.timelineAsOf(history.events(), beforeSecondMeeting);
        Timeline now = ENGINE.timeline(history.events());

        assertThat(then.loyalty()).isLessThan(now.loyalty());
        assertThat(then.points()).noneSatisfy(p -> assertThat(p.eventType()).isEqualTo("CompetitorOfferDeclined"));
        assertThat(ENGINE.churnRisk(now, beforeSecondMeeting).has(Kind.MEETING_OVERDUE)).isTrue();
        assertThat(ENGINE.churnRisk(now, history.now()).level()).isEqualTo(Level.NONE);
    }

    @Test
    void underAnotherModel_theSameHistoryGivesAnotherTimeline_namingItsModel() {
        History everyThreeWeeks = History.startingAt(START).meeting(true).afterDays(21).meeting(true)
                .afterDays(21).meeting(true);

        Timeline monthly = ENGINE.timeline(everyThreeWeeks.events());
        Timeline fortnightly = new ScoringEngine(FORTNIGHTLY).timeline(everyThreeWeeks.events());

        assertThat(monthly.modelId()).isEqualTo("trustline-default@1");
        assertThat(fortnightly.modelId()).isEqualTo("trustline-default@2");
        assertThat(fortnightly.loyalty()).isLessThan(monthly.loyalty());
        assertThat(fortnightly.points()).anySatisfy(p -> assertThat(p.sentence()).contains("agreed every 14 days"));
    }

    @Test
    void comparingTwoModels_showsEachClientsScoresUnderBoth_andTheRiskFlips() {
        History monthlyClient = History.startingAt(START, "m");
        History weeklyClient = History.startingAt(START, "w");
        for (int i = 0; i < 4; i++) {
            monthlyClient.meeting(true).afterDays(28);
        }
        for (int i = 0; i < 16; i++) {
            weeklyClient.meeting(false).afterDays(7);
        }
        Instant asOf = monthlyClient.now();

        ModelComparison comparison = ModelComparison.of(Scoring.DEFAULT, FORTNIGHTLY,
                Map.of("acme", monthlyClient.events(), "globex", weeklyClient.events()), asOf);

        assertThat(comparison.modelA()).isEqualTo("trustline-default@1");
        assertThat(comparison.modelB()).isEqualTo("trustline-default@2");
        assertThat(comparison.clients()).extracting(ModelComparison.ClientComparison::clientId)
                .containsExactly("acme", "globex");
        ModelComparison.ClientComparison acme = comparison.client("acme");
        assertThat(acme.loyaltyDifference()).isNegative();
        assertThat(acme.riskA().level()).isEqualTo(Level.NONE);
        assertThat(acme.riskB().has(Kind.MEETING_OVERDUE)).isTrue();
        assertThat(comparison.client("globex").loyaltyDifference()).isZero();
        assertThat(comparison.riskFlips()).extracting(ModelComparison.ClientComparison::clientId)
                .isEqualTo(List.of("acme"));
    }
}
