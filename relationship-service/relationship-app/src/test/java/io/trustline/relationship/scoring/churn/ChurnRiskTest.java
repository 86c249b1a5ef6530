package io.trustline.relationship.scoring.churn;

import static io.trustline.relationship.scoring.ClientEvent.Impact.DEGRADED;
import static io.trustline.relationship.scoring.ClientEvent.Impact.STOPPED;
import static io.trustline.relationship.scoring.ClientEvent.Scope.EVERYONE;
import static io.trustline.relationship.scoring.ClientEvent.Scope.TEAM;
import static io.trustline.relationship.scoring.Scoring.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.scoring.History;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.churn.ChurnCause.Kind;
import io.trustline.relationship.scoring.churn.ChurnRisk.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRiskTest {

    private static final String START = "2026-01-05T09:00:00Z";

    @Test
    void aClientWithNoEvents_hasNoRisk() {
        ChurnRisk risk = ENGINE.churnRiskAsOf(List.of(), java.time.Instant.parse(START));

        assertThat(risk.level()).isEqualTo(Level.NONE);
        assertThat(risk.causes()).isEmpty();
    }

    @Test
    void anOverdueMeeting_isACause_pointingAtTheLastMeeting() {
        History history = History.startingAt(START).meeting(true);
        String meeting = history.lastId();

        ChurnRisk risk = ENGINE.churnRiskAsOf(history.events(), history.now().plus(Duration.ofDays(50)));

        ChurnCause cause = risk.cause(Kind.MEETING_OVERDUE);
        assertThat(cause.sentence()).isEqualTo("review meeting overdue by 20 days");
        assertThat(cause.eventIds()).containsExactly(meeting);
        assertThat(ENGINE.churnRiskAsOf(history.events(), history.now().plus(Duration.ofDays(35))).has(Kind.MEETING_OVERDUE))
                .as("within the model's grace of 7 days").isFalse();
    }

    @Test
    void aClientNeverMetSaysSo() {
        History history = History.startingAt(START).issueReported("i1");

        ChurnRisk risk = ENGINE.churnRiskAsOf(history.events(), history.now().plus(Duration.ofDays(45)));

        assertThat(risk.cause(Kind.MEETING_OVERDUE).sentence()).isEqualTo("review meeting overdue by 15 days (no meeting on record)");
        assertThat(risk.cause(Kind.MEETING_OVERDUE).eventIds()).isEmpty();
    }

    @Test
    void trustDownMoreThanTheThresholdIn30Days_isACause_pointingAtTheEventsThatCostIt() {
        History history = History.startingAt(START).meeting(true)
                .afterDays(2).issueWithExpectation("i1", STOPPED, EVERYONE, Duration.ofHours(4));
        List<String> costly = new ArrayList<>();
        history.afterHours(2).chased("i1");
        costly.add(history.lastId());
        history.afterHours(3).missed("i1");
        costly.add(history.lastId());

        ChurnRisk risk = ENGINE.churnRiskAsOf(history.events(), history.now());

        assertThat(risk.cause(Kind.TRUST_DROP).sentence()).startsWith("trust down ").contains("in 30 days (from 50 to ");
        assertThat(risk.cause(Kind.TRUST_DROP).eventIds()).containsExactlyElementsOf(costly);
        assertThat(ENGINE.churnRiskAsOf(history.events(), history.now().plus(Duration.ofDays(31))).has(Kind.TRUST_DROP))
                .as("a month later the drop is history, not a trend").isFalse();
    }

    @Test
    void twoMissesAndTwoChasesIn30Days_areCauses_andTogetherRaiseTheRiskToHigh() {
        History history = History.startingAt(START).meeting(true);
        List<String> misses = new ArrayList<>();
        List<String> chases = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            history.afterDays(3).issueWithExpectation("i" + i, DEGRADED, TEAM, Duration.ofHours(8))
                    .afterHours(5).chased("i" + i);
            chases.add(history.lastId());
            history.afterHours(4).missed("i" + i);
            misses.add(history.lastId());
        }

        ChurnRisk risk = ENGINE.churnRiskAsOf(history.events(), history.now());

        assertThat(risk.cause(Kind.REPEATED_MISSES).eventIds()).containsExactlyElementsOf(misses);
        assertThat(risk.cause(Kind.REPEATED_MISSES).sentence()).isEqualTo("2 expectations missed in 30 days");
        assertThat(risk.cause(Kind.CLIENT_CHASING).eventIds()).containsExactlyElementsOf(chases);
        assertThat(risk.level()).isEqualTo(Level.HIGH);
    }

    @Test
    void loyaltyUnderTheThreshold_isACause() {
        History history = History.startingAt(START);
        for (int i = 0; i < 6; i++) {
            history.afterDays(1).feedback(null, 2);
        }

        ChurnRisk risk = ENGINE.churnRiskAsOf(history.events(), history.now());

        assertThat(risk.cause(Kind.LOW_LOYALTY).sentence()).isEqualTo("loyalty 32 is under 35");
        assertThat(risk.cause(Kind.LOW_LOYALTY).eventIds()).hasSize(6);
    }

    @Test
    void askingForTheRiskAfterTheTimelineEnds_isRefused_becauseTheDecaySinceThenIsMissing() {
        History history = History.startingAt(START).meeting(true);
        Timeline endsAtTheMeeting = ENGINE.timeline(history.events());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ENGINE.churnRisk(endsAtTheMeeting, history.now().plus(Duration.ofDays(60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timelineAsOf");
    }

    @Test
    void theRiskIsRaisedAndClearedAlongTheTimeline() {
        History history = History.startingAt(START).meeting(true)
                .afterDays(45).meeting(true);
        Timeline timeline = ENGINE.timeline(history.events());

        List<ChurnRiskChange> changes = ENGINE.churnRiskChanges(timeline);

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).raised()).isTrue();
        assertThat(changes.get(0).risk().has(Kind.MEETING_OVERDUE)).isTrue();
        assertThat(changes.get(1).raised()).isFalse();
        assertThat(changes.get(1).to()).isEqualTo(Level.NONE);
        assertThat(changes.get(1).at()).isEqualTo(history.now());
    }
}
