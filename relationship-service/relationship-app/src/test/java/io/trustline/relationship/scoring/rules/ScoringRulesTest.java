package io.trustline.relationship.scoring.rules;

import static io.trustline.relationship.scoring.ClientEvent.Impact.DEGRADED;
import static io.trustline.relationship.scoring.ClientEvent.Impact.INTERMITTENT;
import static io.trustline.relationship.scoring.ClientEvent.Impact.STOPPED;
import static io.trustline.relationship.scoring.ClientEvent.Party.CLIENT;
import static io.trustline.relationship.scoring.ClientEvent.Party.PROVIDER;
import static io.trustline.relationship.scoring.ClientEvent.Scope.EVERYONE;
import static io.trustline.relationship.scoring.ClientEvent.Scope.ONE_PERSON;
import static io.trustline.relationship.scoring.ClientEvent.Scope.TEAM;
import static io.trustline.relationship.scoring.Scoring.point;
import static io.trustline.relationship.scoring.Scoring.pointsOfType;
import static io.trustline.relationship.scoring.Scoring.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.History;
import io.trustline.relationship.scoring.Scoring;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of the default model, named after the seed article it comes from. */
class ScoringRulesTest {

    private static final String MONDAY = "2026-03-02T09:00:00Z";

    @Nested
    @DisplayName("seed 001: expectations first")
    class ExpectationsFirst {

        @Test
        void anIssueWithExpectationsSetBeforeWork_endsWithMoreTrust_thanTheSameIssueWithout() {
            History asked = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", DEGRADED, TEAM, Duration.ofDays(1))
                    .afterMinutes(30).acknowledged("i1")
                    .afterMinutes(60).actionPlan("i1")
                    .afterHours(3).resolved("i1");
            History notAsked = History.startingAt(MONDAY)
                    .issueReported("i1")
                    .afterMinutes(30).acknowledged("i1")
                    .afterMinutes(60).actionPlan("i1")
                    .afterHours(3).resolved("i1");

            assertThat(timeline(asked).trust()).isGreaterThan(timeline(notAsked).trust());
            assertThat(pointsOfType(timeline(asked), "ExpectationSet").get(0).sentence())
                    .startsWith("+2 trust: expectations agreed before work started");
        }

        @Test
        void expectationsRecordedAfterWorkStarted_earnNothing() {
            History late = History.startingAt(MONDAY)
                    .issueReported("i1")
                    .afterMinutes(30).acknowledged("i1")
                    .afterMinutes(10).expectationSet("i1", DEGRADED, TEAM, null);

            TimelinePoint point = pointsOfType(timeline(late), "ExpectationSet").get(0);
            assertThat(point.trustDelta()).isZero();
            assertThat(point.sentence()).contains("only after work had started");
        }

        @Test
        void theSamePlanDelay_isLateForAStoppedImpactOnEveryone_butInTimeForAnIntermittentOneOnOnePerson() {
            History everyoneStopped = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, null)
                    .afterMinutes(90).actionPlan("i1");
            History onePersonIntermittent = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", INTERMITTENT, ONE_PERSON, null)
                    .afterMinutes(90).actionPlan("i1");

            TimelinePoint late = point(timeline(everyoneStopped), everyoneStopped.lastId());
            TimelinePoint inTime = point(timeline(onePersonIntermittent), onePersonIntermittent.lastId());
            assertThat(late.trustDelta()).isNegative();
            assertThat(inTime.trustDelta()).isPositive();
            assertThat(late.sentence()).isEqualTo("-2 trust: action plan issued 1 h 30 min after the report; "
                    + "target for a STOPPED impact on EVERYONE (model table) is 60 min");
        }

        @Test
        void aPlanWithinTarget_explainsItselfWithTheTarget() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, null)
                    .afterMinutes(40).actionPlan("i1");

            assertThat(point(timeline(history), history.lastId()).sentence()).isEqualTo(
                    "+3 trust: action plan issued 40 min after the report; target for a STOPPED impact on EVERYONE (model table) is 60 min");
        }

        @Test
        void theClientsResolveBy_isTheDeadline_evenWhenLaterThanTheModelsTarget() {
            History beforeDeadline = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, Duration.ofDays(2))
                    .afterDays(1).resolved("i1");
            History afterDeadline = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, Duration.ofHours(2))
                    .afterHours(3).resolved("i1");

            assertThat(point(timeline(beforeDeadline), beforeDeadline.lastId()).sentence())
                    .isEqualTo("+1 trust: resolved 24 h after the report, within the client's deadline");
            assertThat(point(timeline(afterDeadline), afterDeadline.lastId()).sentence())
                    .contains("60 min after the client's deadline: no credit");
        }
    }

    @Nested
    @DisplayName("seed 001: the incident's targets from the response policy")
    class PolicyTargets {

        private History stoppedOnEveryone(boolean withPolicyTargets, Duration acknowledge, Duration plan,
                                          Duration updateEvery, Duration resolve) {
            History history = History.startingAt(MONDAY).issueWithExpectation("i1", STOPPED, EVERYONE, null);
            return withPolicyTargets ? history.responseTargets("i1", acknowledge, plan, updateEvery, resolve, 3) : history;
        }

        @Test
        void aPlanLateByTheModelTable_isInTime_whenThePolicyGivesLonger() {
            // the model table gives a STOPPED impact on EVERYONE 60 min for the plan; this provider promises 2 h
            History byModel = stoppedOnEveryone(false, null, null, null, null).afterMinutes(90).actionPlan("i1");
            History byPolicy = stoppedOnEveryone(true, Duration.ofMinutes(15), Duration.ofHours(2),
                    Duration.ofHours(1), Duration.ofHours(4)).afterMinutes(90).actionPlan("i1");

            TimelinePoint modelVerdict = point(timeline(byModel), byModel.lastId());
            TimelinePoint policyVerdict = point(timeline(byPolicy), byPolicy.lastId());
            assertThat(modelVerdict.changes()).extracting(Change::rule).containsExactly("001.action-plan-late");
            assertThat(policyVerdict.changes()).extracting(Change::rule).containsExactly("001.action-plan-in-target");
            assertThat(policyVerdict.sentence()).isEqualTo("+3 trust: action plan issued 1 h 30 min after the report; "
                    + "target from the response policy v3 is " + Wording.duration(Duration.ofHours(2)));
        }

        @Test
        void anAcknowledgementInTheModelsTarget_isLate_whenThePolicyPromisesFaster() {
            History history = stoppedOnEveryone(true, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(1),
                    Duration.ofHours(4)).afterMinutes(10).acknowledged("i1");

            TimelinePoint point = point(timeline(history), history.lastId());
            assertThat(point.changes()).extracting(Change::rule).containsExactly("001.acknowledged-late");
            assertThat(point.sentence()).contains("target from the response policy v3 is 5 min");
        }

        @Test
        void anUpdateInTheModelsCadence_earnsNothing_afterThePolicysCadence() {
            History history = stoppedOnEveryone(true, Duration.ofMinutes(15), Duration.ofMinutes(30),
                    Duration.ofMinutes(30), Duration.ofHours(4))
                    .afterMinutes(20).actionPlan("i1")
                    .afterMinutes(45).update("i1");

            TimelinePoint late = point(timeline(history), history.lastId());
            assertThat(late.trustDelta()).isZero();
            assertThat(late.sentence()).contains("update cadence from the response policy v3 is 30 min: no credit");
        }

        @Test
        void aResolutionInTheModelsTarget_isLate_afterThePolicysResolveBy() {
            History history = stoppedOnEveryone(true, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1),
                    Duration.ofHours(2)).afterHours(3).resolved("i1");

            TimelinePoint point = point(timeline(history), history.lastId());
            assertThat(point.changes()).extracting(Change::rule).containsExactly("001.resolved-late");
            assertThat(point.sentence()).contains("after the resolve-by target from the response policy v3: no credit");
        }

        @Test
        void theClientsOwnResolveBy_inTheTargets_isStillTheClientsDeadline() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, Duration.ofDays(2))
                    .responseTargets("i1", Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1),
                            Duration.ofDays(2), 3)
                    .afterDays(1).resolved("i1");

            assertThat(point(timeline(history), history.lastId()).sentence())
                    .isEqualTo("+1 trust: resolved 24 h after the report, within the client's deadline");
        }

        @Test
        void theBuiltInPolicy_isNamedAsSuch() {
            History history = History.startingAt(MONDAY).issueWithExpectation("i1", STOPPED, EVERYONE, null)
                    .responseTargets("i1", Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(1),
                            Duration.ofHours(4), 0)
                    .afterMinutes(10).acknowledged("i1");

            assertThat(point(timeline(history), history.lastId()).sentence())
                    .contains("target from the built-in response policy (v0) is 15 min");
        }
    }

    @Nested
    @DisplayName("seed 001: proactive updates, not a vacuum")
    class ProactiveUpdates {

        @Test
        void updatesWithinCadence_earnTrust_onlyUpToTheCapPerIssue() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, null)
                    .afterMinutes(30).actionPlan("i1");
            for (int i = 0; i < 5; i++) {
                history.afterMinutes(45).update("i1");
            }

            List<Double> deltas = pointsOfType(timeline(history), "ProactiveUpdateSent").stream()
                    .map(TimelinePoint::trustDelta).toList();
            assertThat(deltas).containsExactly(1.0, 1.0, 1.0, 0.0, 0.0);
        }

        @Test
        void anUpdateAfterTheCadence_earnsNothing() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, EVERYONE, null)
                    .afterMinutes(30).actionPlan("i1")
                    .afterHours(4).update("i1");

            TimelinePoint late = point(timeline(history), history.lastId());
            assertThat(late.trustDelta()).isZero();
            assertThat(late.sentence()).contains("4 h after they last heard from us")
                    .contains("update cadence for a STOPPED impact on EVERYONE (model table) is 60 min: no credit");
        }

        @Test
        void aClientChasingBeforeWeSaidAnything_isToldSo() {
            History history = History.startingAt(MONDAY).issueReported("i1").afterHours(3).chased("i1");

            assertThat(point(timeline(history), history.lastId()).sentence())
                    .isEqualTo("-3 trust: the client had to chase an update, 3 h after the report, with no word from us yet");
        }

        @Test
        void anOverdueUpdateAndAClientWhoHadToChase_bothCostTrust() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", DEGRADED, TEAM, null)
                    .afterMinutes(30).actionPlan("i1")
                    .afterHours(5).updateOverdue("i1")
                    .afterHours(1).chased("i1");
            Timeline timeline = timeline(history);

            assertThat(pointsOfType(timeline, "ProactiveUpdateOverdue").get(0).trustDelta()).isNegative();
            TimelinePoint chased = pointsOfType(timeline, "ClientChasedUpdate").get(0);
            assertThat(chased.trustDelta()).isNegative();
            assertThat(chased.sentence()).contains("the client had to chase an update, 6 h after they last heard from us");
        }
    }

    @Nested
    @DisplayName("seed 004: trust is built on handling screw-ups")
    class ScrewUps {

        @Test
        void aDisruptionWeAdmit_followedByAPlanAndAQuickFix_endsWithTrustHigherThanBefore() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, TEAM, null)
                    .afterMinutes(5).disruption("i1", PROVIDER)
                    .afterMinutes(45).actionPlan("i1")
                    .afterHours(2).planCompleted("i1")
                    .afterMinutes(10).resolved("i1");
            Timeline timeline = timeline(history);
            double beforeDisruption = pointsOfType(timeline, "ServiceDisruptionAdmitted").get(0).trustBefore();

            assertThat(timeline.trust()).isGreaterThan(beforeDisruption);
            assertThat(pointsOfType(timeline, "ActionPlanIssued").get(0).sentence())
                    .contains("admitted, then an action plan");
            assertThat(pointsOfType(timeline, "IssueResolved").get(0).sentence()).contains("made it happen quickly");
        }

        @Test
        void aDisruptionTheClientDiscovered_withNoPlan_endsWithTrustLowerThanBefore() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, TEAM, null)
                    .afterMinutes(5).disruption("i1", CLIENT)
                    .afterHours(2).resolved("i1");
            Timeline timeline = timeline(history);
            double beforeDisruption = pointsOfType(timeline, "ServiceDisruptionAdmitted").get(0).trustBefore();

            assertThat(timeline.trust()).isLessThan(beforeDisruption);
            assertThat(pointsOfType(timeline, "ServiceDisruptionAdmitted").get(0).sentence())
                    .contains("the client discovered a service disruption we had not admitted");
        }

        @Test
        void admittingIt_costsLessThanBeingFoundOut() {
            History admitted = History.startingAt(MONDAY).issueReported("i1").disruption("i1", PROVIDER);
            History foundOut = History.startingAt(MONDAY).issueReported("i1").disruption("i1", CLIENT);

            assertThat(timeline(admitted).trust()).isGreaterThan(timeline(foundOut).trust());
        }

        @Test
        void aMiscommunication_costsTrust_partlyRecoveredByAPromptActionPlan() {
            History alone = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", DEGRADED, TEAM, null)
                    .afterMinutes(30).actionPlan("i1")
                    .afterHours(1).miscommunication("i1");
            History recovered = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", DEGRADED, TEAM, null)
                    .afterMinutes(30).actionPlan("i1")
                    .afterHours(1).miscommunication("i1")
                    .afterMinutes(30).actionPlan("i1");
            double beforeMiscommunication = pointsOfType(timeline(alone), "MiscommunicationRecorded").get(0).trustBefore();

            assertThat(timeline(alone).trust()).isLessThan(beforeMiscommunication);
            assertThat(timeline(recovered).trust()).isGreaterThan(timeline(alone).trust())
                    .isLessThan(beforeMiscommunication);
        }
    }

    @Nested
    @DisplayName("seed 001: when and how the client considers it resolved")
    class WhenAndHow {

        @Test
        void anExpectationMet_earnsTrust() {
            History history = History.startingAt(MONDAY).issueWithExpectation("i1", DEGRADED, TEAM, null).met("i1");

            assertThat(point(timeline(history), history.lastId()).trustDelta()).isPositive();
        }

        @Test
        void aMiss_costsInProportionToImpactTimesScope() {
            History big = History.startingAt(MONDAY).issueWithExpectation("i1", STOPPED, EVERYONE, null).missed("i1");
            History small = History.startingAt(MONDAY).issueWithExpectation("i1", INTERMITTENT, ONE_PERSON, null).missed("i1");

            TimelinePoint bigMiss = point(timeline(big), big.lastId());
            TimelinePoint smallMiss = point(timeline(small), small.lastId());
            assertThat(bigMiss.trustDelta()).isLessThan(smallMiss.trustDelta()).isNegative();
            assertThat(smallMiss.trustDelta()).isNegative();
            assertThat(bigMiss.sentence()).contains("expectation missed on a STOPPED impact on EVERYONE (x4)");
        }

        @Test
        void aRevisionWeAskForBeforeTheDeadline_costsFarLessThanAMiss() {
            History revised = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, TEAM, Duration.ofHours(8))
                    .afterHours(4).expectationRevised("i1", PROVIDER, null);
            History missed = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, TEAM, Duration.ofHours(8))
                    .afterHours(9).missed("i1");
            History revisedTooLate = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", STOPPED, TEAM, Duration.ofHours(8))
                    .afterHours(9).expectationRevised("i1", PROVIDER, null);

            double revision = point(timeline(revised), revised.lastId()).trustDelta();
            double miss = point(timeline(missed), missed.lastId()).trustDelta();
            double tooLate = point(timeline(revisedTooLate), revisedTooLate.lastId()).trustDelta();
            assertThat(revision).isNegative();
            assertThat(miss).isLessThan(revision * 3);
            assertThat(tooLate).isLessThan(revision * 3);
            assertThat(point(timeline(revised), revised.lastId()).sentence())
                    .contains("in time, 4 h before the deadline");
        }

        @Test
        void aResolutionTheClientSaysMissesTheirHowCriteria_costsTrust_andOneThatMeetsThemEarns() {
            History notMet = History.startingAt(MONDAY).issueReported("i1").afterHours(2).resolved("i1")
                    .afterHours(1).confirmed("i1", false);
            History met = History.startingAt(MONDAY).issueReported("i1").afterHours(2).resolved("i1")
                    .afterHours(1).confirmed("i1", true);

            assertThat(point(timeline(notMet), notMet.lastId()).trustDelta()).isNegative();
            assertThat(point(timeline(met), met.lastId()).trustDelta()).isPositive();
        }

        @Test
        void aResolutionCountsOnce_untilTheIssueIsReopened() {
            History history = History.startingAt(MONDAY).issueReported("i1")
                    .afterHours(1).planCompleted("i1").afterMinutes(1).planCompleted("i1")
                    .afterHours(1).resolved("i1").met("i1").confirmed("i1", true)
                    .afterMinutes(5).resolved("i1").met("i1").confirmed("i1", true)
                    .afterHours(1).reopened("i1")
                    .afterHours(1).resolved("i1");
            Timeline timeline = timeline(history);

            assertThat(pointsOfType(timeline, "ActionPlanCompleted")).extracting(TimelinePoint::trustDelta).containsExactly(1.0, 0.0);
            assertThat(pointsOfType(timeline, "ExpectationMet")).extracting(TimelinePoint::trustDelta).containsExactly(3.0, 0.0);
            assertThat(pointsOfType(timeline, "ResolutionConfirmed")).extracting(TimelinePoint::trustDelta).containsExactly(2.0, 0.0);
            assertThat(pointsOfType(timeline, "IssueResolved")).extracting(TimelinePoint::trustDelta)
                    .as("the redelivered-looking second resolution earns nothing; the one after the reopen does")
                    .containsExactly(1.0, 0.0, 1.0);
        }

        @Test
        void aReopenedIssue_costsTrust() {
            History history = History.startingAt(MONDAY).issueReported("i1").afterHours(2).resolved("i1")
                    .afterDays(1).reopened("i1");

            assertThat(point(timeline(history), history.lastId()).trustDelta()).isNegative();
        }
    }

    @Nested
    @DisplayName("seed 004 and 000: loyalty is refusing a better offer")
    class Loyalty {

        @Test
        void declininACompetitorsOffer_isTheStrongestLoyaltyGain() {
            History history = History.startingAt(MONDAY)
                    .meeting(true).afterDays(1).meeting(false).afterDays(1).gesture()
                    .afterDays(1).renewed().afterDays(1).referral().afterDays(1).offerDeclined()
                    .afterDays(1).feedback(null, 10);
            Timeline timeline = timeline(history);

            TimelinePoint strongest = timeline.points().stream()
                    .max(java.util.Comparator.comparingDouble(TimelinePoint::loyaltyDelta)).orElseThrow();
            assertThat(strongest.eventType()).isEqualTo("CompetitorOfferDeclined");
            double renewal = pointsOfType(timeline, "ContractRenewed").get(0).loyaltyDelta();
            double referral = pointsOfType(timeline, "ReferralGiven").get(0).loyaltyDelta();
            double gesture = pointsOfType(timeline, "GoodwillGesture").get(0).loyaltyDelta();
            double faceToFace = pointsOfType(timeline, "MeetingHeld").get(0).loyaltyDelta();
            double remote = pointsOfType(timeline, "MeetingHeld").get(1).loyaltyDelta();
            assertThat(Math.min(renewal, referral)).isGreaterThan(Math.max(gesture, faceToFace));
            assertThat(faceToFace).isGreaterThan(remote).isPositive();
            assertThat(gesture).isPositive();
        }

        @Test
        void sustainedHighTrust_liftsLoyaltySlowly_andSustainedLowTrustDragsIt() {
            History high = History.startingAt(MONDAY).cadenceAgreed(365);
            History low = History.startingAt(MONDAY).cadenceAgreed(365);
            for (int i = 0; i < 8; i++) {
                high.afterHours(1).feedback(5, null);
                low.afterHours(1).feedback(1, null);
            }
            high.afterDays(15).meeting(true);
            low.afterDays(15).meeting(true);

            // the first week started at the neutral 50: only the second is spent wholly above (below) the line
            List<TimelinePoint> highClock = pointsOfType(timeline(high), TimelinePoint.CLOCK_TYPE);
            List<TimelinePoint> lowClock = pointsOfType(timeline(low), TimelinePoint.CLOCK_TYPE);
            assertThat(highClock).hasSize(1);
            assertThat(lowClock).hasSize(1);
            assertThat(highClock.get(0).occurredAt()).isEqualTo(Instant.parse(MONDAY).plus(Duration.ofDays(14)));
            List<Change> highChanges = highClock.get(0).changes();
            List<Change> lowChanges = lowClock.get(0).changes();
            assertThat(highChanges).anySatisfy(change -> {
                assertThat(change.rule()).isEqualTo("004.sustained-high-trust");
                assertThat(change.delta()).isPositive().isLessThan(1);
            });
            assertThat(lowChanges).anySatisfy(change -> {
                assertThat(change.rule()).isEqualTo("003.sustained-low-trust");
                assertThat(change.delta()).isNegative();
            });
        }
    }

    @Nested
    @DisplayName("seed 002: clients leave without warning")
    class ContactDecay {

        @Test
        void loyaltyDecaysWithoutContact_evenWhileTheMeetingIsNotYetDue() {
            History history = History.startingAt(MONDAY).cadenceAgreed(60).meeting(true);

            Timeline sixWeeksLater = Scoring.ENGINE.timelineAsOf(history.events(), history.now().plus(Duration.ofDays(42)));
            List<TimelinePoint> clock = pointsOfType(sixWeeksLater, TimelinePoint.CLOCK_TYPE);
            assertThat(clock).isNotEmpty().allSatisfy(point -> assertThat(point.loyaltyDelta()).isNegative());
            assertThat(clock.get(0).sentence()).startsWith("-0.5 loyalty: no contact for 21 days");
        }

        @Test
        void anOverdueMeeting_decaysLoyaltyFaster_weekAfterWeek() {
            History history = History.startingAt(MONDAY).meeting(true);

            Timeline timeline = Scoring.ENGINE.timelineAsOf(history.events(), history.now().plus(Duration.ofDays(70)));
            List<Double> decay = pointsOfType(timeline, TimelinePoint.CLOCK_TYPE).stream()
                    .map(TimelinePoint::loyaltyDelta).toList();
            assertThat(decay.subList(0, 2)).containsOnly(-0.5);
            assertThat(decay.get(decay.size() - 1)).isLessThan(decay.get(decay.size() - 2)).isLessThan(-0.5);
            assertThat(pointsOfType(timeline, TimelinePoint.CLOCK_TYPE).get(decay.size() - 1).sentence())
                    .contains("review meeting overdue by").contains("agreed every 30 days, last meeting 2026-03-02");
        }

        @Test
        void theMeetingCadenceIsPerClient() {
            History fortnightly = History.startingAt(MONDAY).cadenceAgreed(14).meeting(true);
            History monthly = History.startingAt(MONDAY).meeting(true);
            var threeWeeksLater = fortnightly.now().plus(Duration.ofDays(21));

            assertThat(Scoring.ENGINE.timelineAsOf(fortnightly.events(), threeWeeksLater).points())
                    .anySatisfy(p -> assertThat(p.sentence()).contains("review meeting overdue by 7 days (agreed every 14 days"));
            assertThat(Scoring.ENGINE.timelineAsOf(monthly.events(), threeWeeksLater).points())
                    .noneSatisfy(p -> assertThat(p.sentence()).contains("overdue"));
        }

        @Test
        void aMeeting_resetsTheClock() {
            History met = History.startingAt(MONDAY).meeting(true).afterDays(28).meeting(true);
            Timeline timeline = Scoring.ENGINE.timelineAsOf(met.events(), met.now().plus(Duration.ofDays(20)));

            assertThat(timeline.points()).noneSatisfy(p -> assertThat(p.sentence()).contains("overdue"));
        }
    }

    @Nested
    @DisplayName("seed 003: chronic pain compounds")
    class ChronicPain {

        @Test
        void repeatedIssuesWithinTheWindow_costMoreEachTime() {
            History history = History.startingAt(MONDAY);
            for (int i = 1; i <= 5; i++) {
                history.afterDays(3).issueReported("i" + i);
            }
            List<Double> costs = pointsOfType(timeline(history), "IssueReported").stream()
                    .map(TimelinePoint::trustDelta).toList();

            assertThat(costs.subList(0, 2)).containsOnly(0.0);
            assertThat(costs.get(2)).isNegative();
            assertThat(costs.get(3)).isLessThan(costs.get(2));
            assertThat(costs.get(4)).isLessThan(costs.get(3));
            assertThat(pointsOfType(timeline(history), "IssueReported").get(3).sentence())
                    .contains("4th issue in 30 days; more than 2 is chronic pain");
        }

        @Test
        void issuesFarApart_areNotChronic() {
            History history = History.startingAt(MONDAY);
            for (int i = 1; i <= 5; i++) {
                history.afterDays(20).issueReported("i" + i).meeting(true);
            }

            assertThat(pointsOfType(timeline(history), "IssueReported"))
                    .allSatisfy(p -> assertThat(p.trustDelta()).isZero());
        }

        @Test
        void aSecondMissWithinTheWindow_costsMoreThanTheFirst() {
            History history = History.startingAt(MONDAY)
                    .issueWithExpectation("i1", DEGRADED, TEAM, null).afterDays(1).missed("i1")
                    .afterDays(5).issueWithExpectation("i2", DEGRADED, TEAM, null).afterDays(1).missed("i2");
            List<TimelinePoint> misses = pointsOfType(timeline(history), "ExpectationMissed");

            assertThat(misses.get(1).trustDelta()).isLessThan(misses.get(0).trustDelta());
            assertThat(misses.get(1).sentence()).contains("2nd miss in 30 days (x1.5, chronic pain)");
        }
    }

    @Nested
    @DisplayName("scores")
    class Scores {

        @Test
        void everyClientStartsNeutral_andScoresStayWithinTheScale() {
            History history = History.startingAt(MONDAY);
            assertThat(Scoring.ENGINE.timeline(history.events()).trust()).isEqualTo(50);
            for (int i = 0; i < 20; i++) {
                history.afterMinutes(1).offerDeclined();
                history.issueWithExpectation("i" + i, STOPPED, EVERYONE, null).disruption("i" + i, CLIENT).missed("i" + i);
            }
            Timeline timeline = timeline(history);

            assertThat(timeline.loyalty()).isEqualTo(100);
            assertThat(timeline.trust()).isZero();
            assertThat(timeline.points()).allSatisfy(p -> {
                assertThat(p.trustAfter()).isBetween(0.0, 100.0);
                assertThat(p.loyaltyAfter()).isBetween(0.0, 100.0);
            });
            assertThat(pointsOfType(timeline, "CompetitorOfferDeclined").get(19).sentence())
                    .isEqualTo("no change to loyalty: the client declined a competitor's offer: refusing a momentarily "
                            + "better option (+12 by the rule, held at the end of the scale)");
        }
    }
}
