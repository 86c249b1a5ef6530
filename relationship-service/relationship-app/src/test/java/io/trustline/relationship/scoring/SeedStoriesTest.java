package io.trustline.relationship.scoring;

import static io.trustline.relationship.scoring.ClientEvent.Impact.DEGRADED;
import static io.trustline.relationship.scoring.ClientEvent.Impact.STOPPED;
import static io.trustline.relationship.scoring.ClientEvent.Party.CLIENT;
import static io.trustline.relationship.scoring.ClientEvent.Party.PROVIDER;
import static io.trustline.relationship.scoring.ClientEvent.Scope.ONE_PERSON;
import static io.trustline.relationship.scoring.ClientEvent.Scope.SITE;
import static io.trustline.relationship.scoring.ClientEvent.Scope.TEAM;
import static io.trustline.relationship.scoring.Scoring.ENGINE;
import static io.trustline.relationship.scoring.Scoring.pointsOfType;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.scoring.churn.ChurnCause.Kind;
import io.trustline.relationship.scoring.churn.ChurnRisk.Level;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoring.churn.ChurnRiskChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The five seed articles told as event histories. Each asserts what a reader of the article would
 * expect to see — which way the scores go, in what order, whether a risk is raised, which sentences
 * explain it — and no exact score, so the weights may be tuned without rewriting the stories.
 */
class SeedStoriesTest {

    @Test
    @DisplayName("000: the email crisis and the flowers — a relationship, not a transaction")
    void theEmailCrisisAndTheFlowers() {
        History transaction = emailCrisisFixedSameDay(History.startingAt("2026-04-14T10:00:00Z"));
        History relationship = emailCrisisFixedSameDay(History.startingAt("2026-04-14T10:00:00Z"))
                .afterHours(6).gesture();

        Timeline fixedOnly = ENGINE.timeline(transaction.events());
        Timeline withFlowers = ENGINE.timeline(relationship.events());

        assertThat(fixedOnly.trust()).as("the problem was solved quickly").isGreaterThan(50);
        TimelinePoint flowers = pointsOfType(withFlowers, "GoodwillGesture").get(0);
        assertThat(flowers.loyaltyDelta()).isPositive();
        assertThat(flowers.sentence()).contains("a personal goodwill gesture nobody asked for");
        assertThat(withFlowers.loyalty()).as("the gesture made the relationship stronger than the fix alone")
                .isGreaterThan(fixedOnly.loyalty());
        assertThat(ENGINE.churnRisk(withFlowers, relationship.now()).level()).isEqualTo(Level.NONE);
    }

    private static History emailCrisisFixedSameDay(History history) {
        return history
                .issueWithExpectation("email", STOPPED, ONE_PERSON, Duration.ofHours(4))
                .afterMinutes(5).acknowledged("email")
                .afterMinutes(20).actionPlan("email")
                .afterMinutes(70).resolved("email")
                .afterMinutes(10).confirmed("email", true)
                .met("email");
    }

    @Test
    @DisplayName("001: payroll is due tomorrow — Who, What, When, Where, How, and updates instead of a vacuum")
    void thePayrollDeadline() {
        History expectationsFirst = History.startingAt("2026-05-25T14:00:00Z")
                .issueWithExpectation("payroll", STOPPED, TEAM, Duration.ofHours(19))
                .afterMinutes(10).acknowledged("payroll")
                .afterMinutes(35).actionPlan("payroll")
                .afterMinutes(50).update("payroll")
                .afterMinutes(50).update("payroll")
                .afterMinutes(50).update("payroll")
                .afterMinutes(60).planCompleted("payroll")
                .afterMinutes(5).resolved("payroll")
                .afterHours(15).confirmed("payroll", true)
                .met("payroll");
        History vacuum = History.startingAt("2026-05-25T14:00:00Z")
                .issueReported("payroll")
                .afterHours(5).actionPlan("payroll")
                .afterHours(4).chased("payroll")
                .afterHours(1).updateOverdue("payroll")
                .afterHours(8).chased("payroll")
                .afterHours(2).resolved("payroll")
                .missed("payroll");

        Timeline asked = ENGINE.timeline(expectationsFirst.events());
        Timeline notAsked = ENGINE.timeline(vacuum.events());

        assertThat(asked.points()).as("every step of a well-run issue keeps or builds trust")
                .allSatisfy(point -> assertThat(point.trustDelta()).isNotNegative());
        assertThat(asked.trust()).isGreaterThan(50).isGreaterThan(notAsked.trust());
        assertThat(notAsked.trust()).isLessThan(50);
        assertThat(sentences(asked)).anySatisfy(s -> assertThat(s).contains("expectations agreed before work started"))
                .anySatisfy(s -> assertThat(s).contains("target for a STOPPED impact on TEAM (model table) is"))
                .anySatisfy(s -> assertThat(s).contains("within the client's deadline"));
        assertThat(sentences(notAsked)).anySatisfy(s -> assertThat(s).contains("the client had to chase an update"));
        ChurnRisk vacuumRisk = ENGINE.churnRisk(notAsked, vacuum.now());
        assertThat(vacuumRisk.has(Kind.CLIENT_CHASING)).isTrue();
        assertThat(ENGINE.churnRisk(asked, expectationsFirst.now()).level()).isEqualTo(Level.NONE);
    }

    @Test
    @DisplayName("002: the client who left without warning — months of good service, no meeting since onboarding")
    void theClientWhoLeftWithoutWarning() {
        History noMeetings = routineService(History.startingAt("2026-01-12T09:00:00Z").meeting(true), false);
        History monthlyMeetings = routineService(History.startingAt("2026-01-12T09:00:00Z").meeting(true), true);
        Instant june = Instant.parse("2026-06-15T09:00:00Z");

        Timeline drifting = ENGINE.timelineAsOf(noMeetings.events(), june);
        Timeline kept = ENGINE.timelineAsOf(monthlyMeetings.events(), june);
        ChurnRisk risk = ENGINE.churnRisk(drifting, june);

        assertThat(drifting.trust()).as("the service itself was fine").isGreaterThan(50);
        assertThat(drifting.loyalty()).as("but nobody met them").isLessThan(50).isLessThan(kept.loyalty());
        assertThat(risk.level()).isIn(Level.MEDIUM, Level.HIGH);
        assertThat(risk.cause(Kind.MEETING_OVERDUE).eventIds()).containsExactly(noMeetings.events().get(0).eventId());
        ChurnRiskChange firstWarning = ENGINE.churnRiskChanges(drifting).get(0);
        assertThat(firstWarning.raised()).isTrue();
        assertThat(firstWarning.at()).as("raised within weeks of the missed meeting, months before June")
                .isBefore(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(ENGINE.churnRisk(kept, june).level()).isEqualTo(Level.NONE);
    }

    /** One issue a fortnight, each handled well, from January to June. */
    private static History routineService(History history, boolean meetMonthly) {
        for (int i = 0; i < 11; i++) {
            String issue = "ticket-" + i;
            history.afterDays(14)
                    .issueWithExpectation(issue, DEGRADED, ONE_PERSON, Duration.ofDays(2))
                    .afterMinutes(30).acknowledged(issue)
                    .afterHours(2).actionPlan(issue)
                    .afterHours(5).resolved(issue)
                    .met(issue);
            if (meetMonthly && i % 2 == 1) {
                history.afterDays(1).meeting(true);
            }
        }
        return history;
    }

    @Test
    @DisplayName("003: the long-time client who stays despite poor service — trust erodes, habit holds")
    void theLongTimeClientWhoStaysDespitePoorService() {
        History history = History.startingAt("2024-01-08T09:00:00Z").cadenceAgreed(90);
        for (int year = 0; year < 2; year++) {
            history.meeting(true).afterDays(60).referral().afterDays(30).meeting(true)
                    .afterDays(90).offerDeclined().meeting(true).afterDays(90).renewed().meeting(true)
                    .afterDays(90);
        }
        Instant poorServiceStarts = history.now();
        double loyaltyBefore = ENGINE.timelineAsOf(history.events(), poorServiceStarts).loyalty();
        for (int week = 0; week < 8; week++) {
            String issue = "slow-" + week;
            history.afterDays(7)
                    .issueWithExpectation(issue, DEGRADED, SITE, Duration.ofHours(24))
                    .afterHours(9).actionPlan(issue)
                    .afterHours(10).chased(issue)
                    .afterHours(8).missed(issue);
            if (week % 3 == 2) {
                history.afterDays(1).reopened(issue);
            }
        }
        Timeline timeline = ENGINE.timeline(history.events());
        ChurnRisk risk = ENGINE.churnRisk(timeline, history.now());

        assertThat(loyaltyBefore).as("years of renewals and referrals").isGreaterThan(80);
        assertThat(timeline.trust()).as("chronic pain").isLessThan(25);
        assertThat(timeline.loyalty()).as("still there, out of habit").isGreaterThan(timeline.trust()).isGreaterThanOrEqualTo(50);
        assertThat(timeline.loyalty()).as("but sustained low trust drags it").isLessThan(loyaltyBefore);
        assertThat(sentences(timeline)).anySatisfy(s -> assertThat(s).contains("trust stayed at 35 or less"));
        List<TimelinePoint> misses = pointsOfType(timeline, "ExpectationMissed");
        assertThat(misses.get(1).trustDelta()).as("misses compound").isLessThan(misses.get(0).trustDelta());
        assertThat(misses.get(misses.size() - 1).changes()).singleElement().satisfies(change -> {
            assertThat(change.rule()).isEqualTo("003.repeated-misses");
            assertThat(change.because()).contains("miss in 30 days").contains("chronic pain");
        });
        assertThat(risk.has(Kind.STUCK_RELATIONSHIP)).isTrue();
        assertThat(risk.has(Kind.REPEATED_MISSES)).isTrue();
        assertThat(risk.has(Kind.CLIENT_CHASING)).isTrue();
        assertThat(risk.level()).isEqualTo(Level.HIGH);
    }

    @Test
    @DisplayName("004: the disruption admitted with an action plan — and the dozen better offers refused")
    void theDisruptionAdmittedWithAnActionPlan() {
        History admitted = disruption(History.startingAt("2026-02-02T08:00:00Z").meeting(true), PROVIDER, true)
                .afterDays(20).meeting(true).afterDays(3).offerDeclined();
        History foundOut = disruption(History.startingAt("2026-02-02T08:00:00Z").meeting(true), CLIENT, false);

        Timeline handled = ENGINE.timeline(admitted.events());
        Timeline notHandled = ENGINE.timeline(foundOut.events());
        double handledBefore = pointsOfType(handled, "ServiceDisruptionAdmitted").get(0).trustBefore();
        double notHandledBefore = pointsOfType(notHandled, "ServiceDisruptionAdmitted").get(0).trustBefore();

        assertThat(pointsOfType(handled, "IssueResolved").get(0).trustAfter())
                .as("admitted, planned and fixed quickly: trust ends higher than before the disruption")
                .isGreaterThan(handledBefore);
        assertThat(notHandled.trust()).as("discovered by the client, no plan").isLessThan(notHandledBefore);
        assertThat(sentences(handled))
                .anySatisfy(s -> assertThat(s).contains("we admitted a service disruption"))
                .anySatisfy(s -> assertThat(s).contains("admitted, then an action plan"))
                .anySatisfy(s -> assertThat(s).contains("made it happen quickly"))
                .anySatisfy(s -> assertThat(s).contains("refusing a momentarily better option"));
        TimelinePoint biggestLoyaltyGain = handled.points().stream()
                .max(Comparator.comparingDouble(TimelinePoint::loyaltyDelta)).orElseThrow();
        assertThat(biggestLoyaltyGain.eventType()).isEqualTo("CompetitorOfferDeclined");
    }

    private static History disruption(History history, ClientEvent.Party disclosedBy, boolean handled) {
        history.afterDays(3).issueWithExpectation("backup", STOPPED, SITE, Duration.ofHours(12))
                .afterMinutes(10).disruption("backup", disclosedBy);
        if (handled) {
            history.afterMinutes(30).actionPlan("backup")
                    .afterMinutes(60).update("backup")
                    .afterHours(2).planCompleted("backup")
                    .afterMinutes(15).resolved("backup")
                    .met("backup");
        } else {
            history.afterHours(20).resolved("backup").missed("backup");
        }
        return history;
    }

    private static List<String> sentences(Timeline timeline) {
        return timeline.points().stream().map(TimelinePoint::sentence).toList();
    }
}
