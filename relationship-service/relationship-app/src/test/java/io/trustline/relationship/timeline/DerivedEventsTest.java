package io.trustline.relationship.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.relationship.api.ChurnRiskCleared;
import io.trustline.relationship.api.ChurnRiskLevel;
import io.trustline.relationship.api.ChurnRiskRaised;
import io.trustline.relationship.api.LoyaltyChanged;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.ScoreChange;
import io.trustline.relationship.api.TrustChanged;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a live event changed in the client's current standing, as the events the service derives from it. */
class DerivedEventsTest {

    private static final ScoringEngine ENGINE = new ScoringEngine(ScoringModelFiles.builtInDefault());
    private static final String TENANT = "northwind-it";
    private static final String CLIENT = "acme-dental";
    private static final String ISSUE = "issue-1";
    private static final Instant REPORTED = Instant.parse("2026-03-02T08:15:00Z");

    private final ClientEvent report = new ClientEvent.IssueReported("e1", REPORTED, ISSUE);
    private final ClientEvent expect = new ClientEvent.ExpectationSet("e2", REPORTED.plusSeconds(390), ISSUE,
            ClientEvent.Scope.EVERYONE, ClientEvent.Impact.STOPPED, REPORTED.plus(Duration.ofDays(1)));
    private final ClientEvent acknowledge = new ClientEvent.IssueAcknowledged("e3", REPORTED.plusSeconds(400), ISSUE);
    private final ClientEvent plan = new ClientEvent.ActionPlanIssued("e4", REPORTED.plus(Duration.ofMinutes(37)), ISSUE);

    @Test
    void anEventThatMovesTrust_isOneTrustChanged_withTheNewScoreTheDeltaAndTheRuleThatFired() {
        List<DerivedEvents.Derived> derived = DerivedEvents.of(scored(List.of(report), expect));

        assertThat(derived).extracting(each -> each.event().type()).containsExactly(RelationshipEventTypes.TRUST_CHANGED);
        TrustChanged changed = (TrustChanged) derived.get(0).event().data();
        assertThat(changed.trust()).isEqualTo(52.0);
        assertThat(changed.delta()).isEqualTo(2.0);
        assertThat(changed.causeEventId()).isEqualTo("e2");
        assertThat(changed.occurredAt()).isEqualTo(expect.occurredAt());
        assertThat(changed.modelId()).isEqualTo("trustline-default@1");
        assertThat(changed.changes()).extracting(ScoreChange::rule, ScoreChange::delta, ScoreChange::eventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("001.expectations-first", 2.0, "e2"));
        assertThat(changed.changes().get(0).sentence()).startsWith("+2 trust: expectations agreed before work started");
        assertThat(derived.get(0).event().subject()).isEqualTo(CLIENT);
        assertThat(derived.get(0).event().tenantId()).isEqualTo(TENANT);
    }

    @Test
    void anEventThatMovesNoScore_andLeavesTheRiskAlone_derivesNothing() {
        assertThat(DerivedEvents.of(scored(List.of(), report))).isEmpty();
    }

    @Test
    void anEventAlreadyOnTheTimeline_derivesNothing() {
        assertThat(DerivedEvents.of(scored(List.of(report, expect), expect))).isEmpty();
    }

    @Test
    void aLateEventThatMovesTheCurrentScore_isTheCause() {
        List<DerivedEvents.Derived> derived = DerivedEvents.of(scored(List.of(report, expect, plan), acknowledge));

        assertThat(derived).hasSize(1);
        TrustChanged changed = (TrustChanged) derived.get(0).event().data();
        assertThat(changed.causeEventId()).isEqualTo("e3");
        assertThat(changed.delta()).isEqualTo(1.0);
        assertThat(changed.trust()).isEqualTo(56.0);
        assertThat(changed.changes()).extracting(ScoreChange::rule).containsExactly("001.acknowledged-in-target");
    }

    @Test
    void anEventThatMovesLoyalty_isOneLoyaltyChanged() {
        ClientEvent declined = new ClientEvent.CompetitorOfferDeclined("e9", REPORTED);

        List<DerivedEvents.Derived> derived = DerivedEvents.of(scored(List.of(), declined));

        assertThat(derived).extracting(each -> each.event().type()).containsExactly(RelationshipEventTypes.LOYALTY_CHANGED);
        LoyaltyChanged changed = (LoyaltyChanged) derived.get(0).event().data();
        assertThat(changed.loyalty()).isEqualTo(62.0);
        assertThat(changed.delta()).isEqualTo(12.0);
        assertThat(changed.changes()).extracting(ScoreChange::rule).containsExactly("004.offer-declined");
    }

    @Test
    void repeatedMisses_raiseTheChurnRisk_namingTheMissesAsItsCauses() {
        List<ClientEvent> history = new ArrayList<>(List.of(report, expect));
        ClientEvent firstMiss = new ClientEvent.ExpectationMissed("e5", REPORTED.plus(Duration.ofDays(1)), ISSUE);
        history.add(firstMiss);
        ClientEvent secondMiss = new ClientEvent.ExpectationMissed("e6", REPORTED.plus(Duration.ofDays(3)), ISSUE);

        ChurnRiskRaised raised = only(DerivedEvents.of(scored(history, secondMiss)), ChurnRiskRaised.class);

        assertThat(raised.level()).isGreaterThan(raised.previousLevel());
        assertThat(raised.causeEventId()).isEqualTo("e6");
        assertThat(raised.causes()).anySatisfy(cause -> {
            assertThat(cause.kind()).isEqualTo("REPEATED_MISSES");
            assertThat(cause.eventIds()).containsExactly("e5", "e6");
        });
    }

    @Test
    void theOverdueMeetingHeld_clearsTheChurnRisk() {
        ClientEvent referral = new ClientEvent.ReferralGiven("e7", REPORTED);
        ClientEvent muchLater = new ClientEvent.ReferralGiven("e8", REPORTED.plus(Duration.ofDays(45)));
        ClientEvent meeting = new ClientEvent.MeetingHeld("e9", REPORTED.plus(Duration.ofDays(46)), true);

        ChurnRiskCleared cleared = only(DerivedEvents.of(scored(List.of(referral, muchLater), meeting)),
                ChurnRiskCleared.class);

        assertThat(cleared.previousLevel()).isEqualTo(ChurnRiskLevel.MEDIUM);
        assertThat(cleared.level()).isEqualTo(ChurnRiskLevel.NONE);
        assertThat(cleared.causes()).isEmpty();
        assertThat(cleared.causeEventId()).isEqualTo("e9");
    }

    @Test
    void scoringTheSameEventAgain_derivesTheSameIds_oneNameBasedUuidPerType() {
        List<DerivedEvents.Derived> first = DerivedEvents.of(scored(List.of(report, expect, plan), acknowledge));
        List<DerivedEvents.Derived> again = DerivedEvents.of(scored(List.of(report, expect, plan), acknowledge));

        assertThat(again).extracting(DerivedEvents.Derived::id).isEqualTo(first.stream().map(DerivedEvents.Derived::id).toList());
        assertThat(UUID.fromString(first.get(0).id()).version()).isEqualTo(5);
        assertThat(DerivedEventIds.of(TENANT, CLIENT, "e3", "trustline-default@1", RelationshipEventTypes.TRUST_CHANGED))
                .isEqualTo(first.get(0).id())
                .isNotEqualTo(DerivedEventIds.of(TENANT, CLIENT, "e3", "trustline-default@1",
                        RelationshipEventTypes.LOYALTY_CHANGED))
                .isNotEqualTo(DerivedEventIds.of(TENANT, CLIENT, "e3", "acme-strict@2",
                        RelationshipEventTypes.TRUST_CHANGED))
                .isNotEqualTo(DerivedEventIds.of("other-tenant", CLIENT, "e3", "trustline-default@1",
                        RelationshipEventTypes.TRUST_CHANGED))
                .isNotEqualTo(DerivedEventIds.of(TENANT, CLIENT, "e4", "trustline-default@1",
                        RelationshipEventTypes.TRUST_CHANGED));
    }

    private static ScoredEvent scored(List<ClientEvent> before, ClientEvent event) {
        ClientHistory history = ClientHistory.of(before, ENGINE);
        return new ScoredEvent(TENANT, CLIENT, event, ENGINE, history.timeline(), history.with(event).timeline());
    }

    private static <T> T only(List<DerivedEvents.Derived> derived, Class<T> type) {
        List<Object> matching = derived.stream().map(each -> each.event().data()).filter(type::isInstance).toList();
        assertThat(matching).as("%s among %s", type.getSimpleName(), derived).hasSize(1);
        return type.cast(matching.get(0));
    }
}
