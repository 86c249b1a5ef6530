package io.trustline.relationship.portfolio;

import static io.trustline.relationship.scoring.Scoring.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ClientEvent.ClientChasedUpdate;
import io.trustline.relationship.scoring.ClientEvent.FeedbackReceived;
import io.trustline.relationship.scoring.ClientEvent.MeetingCadenceAgreed;
import io.trustline.relationship.scoring.ClientEvent.MeetingHeld;
import io.trustline.relationship.scoring.churn.ChurnCause;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioEntryTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theNextMeeting_isDueTheDefaultCadenceAfterTheLastOne_whenNoneWasAgreed() {
        PortfolioEntry entry = assess(List.of(new MeetingHeld("m1", START, true)), days(3));

        assertThat(entry.lastMeeting()).isEqualTo(new PortfolioEntry.LastMeeting("m1", START, true));
        assertThat(entry.nextMeetingDueAt()).isEqualTo(START.plus(days(30)));
    }

    @Test
    void theNextMeeting_isDueTheAgreedCadenceAfterTheLastOne() {
        PortfolioEntry entry = assess(List.of(new MeetingCadenceAgreed("c1", START, 14),
                new MeetingHeld("m1", START.plus(days(2)), false),
                new MeetingHeld("m2", START.plus(days(9)), true)), days(10));

        assertThat(entry.lastMeeting()).isEqualTo(new PortfolioEntry.LastMeeting("m2", START.plus(days(9)), true));
        assertThat(entry.nextMeetingDueAt()).isEqualTo(START.plus(days(23)));
    }

    @Test
    void withoutAnyMeeting_theFirstIsDueACadenceAfterTheFirstEvent() {
        PortfolioEntry entry = assess(List.of(new FeedbackReceived("f1", START, 4, null)), days(1));

        assertThat(entry.lastMeeting()).isNull();
        assertThat(entry.nextMeetingDueAt()).isEqualTo(START.plus(days(30)));
    }

    @Test
    void theTrends_compareTheScoresNowWithThoseThirtyDaysBefore() {
        List<ClientEvent> history = List.of(new FeedbackReceived("f1", START, 5, null),
                new FeedbackReceived("f2", START.plus(days(40)), 1, null));

        PortfolioEntry entry = assess(history, days(41));

        assertThat(entry.trust().now()).isEqualTo(50.0);
        assertThat(entry.trust().trend30Days()).as("+3 on the first day, out of the window; -3 within it")
                .isEqualTo(-3.0);
        assertThat(entry.loyalty().trend30Days()).isEqualTo(entry.loyalty().now()
                - ENGINE.timelineAsOf(history, START.plus(days(11))).loyalty());
    }

    @Test
    void aClientNewerThanThirtyDays_isComparedWithTheNeutralStart() {
        PortfolioEntry entry = assess(List.of(new FeedbackReceived("f1", START, 5, null)), days(2));

        assertThat(entry.trust().trend30Days()).isEqualTo(3.0);
        assertThat(entry.loyalty().trend30Days()).isZero();
    }

    @Test
    void timeAlone_raisesTheRisk_onceTheMeetingIsOverdue() {
        List<ClientEvent> history = List.of(new MeetingHeld("m1", START, true));

        PortfolioEntry soon = assess(history, days(20));
        PortfolioEntry later = assess(history, days(90));

        assertThat(soon.risk().level()).isEqualTo(ChurnRisk.Level.NONE);
        assertThat(later.risk().level()).isEqualTo(ChurnRisk.Level.HIGH);
        assertThat(later.loyalty().trend30Days()).isNegative();
        assertThat(later.risk().causes()).extracting(RiskCause::kind).contains(ChurnCause.Kind.MEETING_OVERDUE);
        assertThat(later.risk().causes().get(0).events())
                .containsExactly(new CauseEvent("m1", "MeetingHeld", START));
    }

    @Test
    void eachCause_namesItsEventsWithTheirTypesAndTimes() {
        List<ClientEvent> history = List.of(new MeetingHeld("m1", START, true),
                new ClientChasedUpdate("x1", START.plus(days(1)), "issue-1"),
                new ClientChasedUpdate("x2", START.plus(days(2)), "issue-1"));

        PortfolioEntry entry = assess(history, days(3));

        assertThat(entry.risk().level()).isEqualTo(ChurnRisk.Level.LOW);
        assertThat(entry.risk().causes()).containsExactly(new RiskCause(ChurnCause.Kind.CLIENT_CHASING,
                "2 times the client had to chase an update in 30 days",
                List.of(new CauseEvent("x1", "ClientChasedUpdate", START.plus(days(1))),
                        new CauseEvent("x2", "ClientChasedUpdate", START.plus(days(2))))));
    }

    private static PortfolioEntry assess(List<ClientEvent> history, Duration afterStart) {
        return PortfolioEntry.assess("acme", ENGINE, history, START.plus(afterStart));
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}
