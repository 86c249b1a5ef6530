package io.trustline.relationship.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.testkit.golden.GoldenJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Freezes the published JSON shape of every relationship event. A failure here means a change to a published
 * contract: make it additive (a new optional field, then update the golden file) or publish a {@code .v2}.
 */
class RelationshipEventsGoldenTest {

    static Stream<Object> events() {
        return Stream.of(RelationshipEventExamples.meetingHeld(), RelationshipEventExamples.meetingCadenceAgreed(),
                RelationshipEventExamples.competitorOfferDeclined(), RelationshipEventExamples.contractRenewed(),
                RelationshipEventExamples.referralGiven(), RelationshipEventExamples.goodwillGesture(),
                RelationshipEventExamples.feedbackReceived(),
                RelationshipEventExamples.trustChanged(), RelationshipEventExamples.loyaltyChanged(),
                RelationshipEventExamples.churnRiskRaised(), RelationshipEventExamples.churnRiskCleared());
    }

    @ParameterizedTest
    @MethodSource("events")
    void event_matchesItsGoldenJson_andReadsBackFromIt(Object example) {
        GoldenJson.assertMatchesGolden(example);
    }

    @ParameterizedTest
    @MethodSource("events")
    void event_isStillRead_whenALaterVersionAddsFields(Object example) {
        GoldenJson.assertReadDespiteFieldsAddedLater(example);
    }

    @Test
    void meetingHeld_isRejected_withoutAttendees() {
        assertThatThrownBy(() -> GoldenJson.example(MeetingHeld.class).with("attendees", List.of()).value())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("attendees");
    }

    @Test
    void meetingHeld_keepsItsAttendees_whenTheGivenListChangesLater() {
        List<String> attendees = new ArrayList<>(List.of("Dana"));
        MeetingHeld meeting = new MeetingHeld("northwind-it", "acme-dental", Instant.parse("2026-03-05T14:00:00Z"),
                MeetingKind.QBR, false, attendees, null);

        attendees.add("Priya");

        assertThat(meeting.attendees()).containsExactly("Dana");
        assertThatThrownBy(() -> meeting.attendees().add("another")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void meetingCadenceAgreed_isRejected_outsideOneDayToAYear() {
        assertThatThrownBy(() -> GoldenJson.example(MeetingCadenceAgreed.class).with("everyDays", 0).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("everyDays");
        assertThatThrownBy(() -> GoldenJson.example(MeetingCadenceAgreed.class).with("everyDays", 367).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("everyDays");
    }

    @Test
    void contractRenewed_omitsTheValue_whenNoneWasRecorded() {
        ContractRenewed withoutValue = GoldenJson.example(ContractRenewed.class).without("value").value();

        assertThat(withoutValue.value()).isNull();
        assertThat(GoldenJson.mapper().<JsonNode>valueToTree(withoutValue).has("value")).isFalse();
    }

    @Test
    void contractRenewed_isRejected_withANonPositiveAmount_orACurrencyThatIsNoCode() {
        assertThatThrownBy(() -> GoldenJson.example(ContractRenewed.class).with("value.amount", 0).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> GoldenJson.example(ContractRenewed.class).with("value.currency", "eur").value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("currency");
    }

    @Test
    void feedbackReceived_holdsExactlyOneScore_inItsRange() {
        FeedbackReceived nps = GoldenJson.example(FeedbackReceived.class).without("csat").with("nps", 9).value();
        assertThat(nps.nps()).isEqualTo(9);
        assertThat(nps.csat()).isNull();

        assertThatThrownBy(() -> GoldenJson.example(FeedbackReceived.class).with("nps", 9).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("exactly one of csat and nps");
        assertThatThrownBy(() -> GoldenJson.example(FeedbackReceived.class).without("csat").value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("exactly one of csat and nps");
        assertThatThrownBy(() -> GoldenJson.example(FeedbackReceived.class).with("csat", 6).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("csat must be from 1 to 5");
        assertThatThrownBy(() -> GoldenJson.example(FeedbackReceived.class).without("csat").with("nps", 11).value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nps must be from 0 to 10");
    }

    @Test
    void churnRiskRaised_isRejected_unlessTheLevelWentUp_andCleared_unlessItWentDown() {
        assertThatThrownBy(() -> GoldenJson.example(ChurnRiskRaised.class).with("previousLevel", "HIGH").value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("needs a level higher");
        assertThatThrownBy(() -> GoldenJson.example(ChurnRiskCleared.class).with("level", "MEDIUM").value())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("needs a level lower");
    }

    @Test
    void topicsAndEventTypes_areThePublishedNames() {
        assertThat(RelationshipTopics.EVENTS).isEqualTo("trustline.relationship.v1");
        assertThat(RelationshipTopics.DEAD_LETTERS).isEqualTo("trustline.relationship.v1.dlq");
        assertThat(List.of(RelationshipEventTypes.MEETING_HELD, RelationshipEventTypes.MEETING_CADENCE_AGREED,
                RelationshipEventTypes.COMPETITOR_OFFER_DECLINED, RelationshipEventTypes.CONTRACT_RENEWED,
                RelationshipEventTypes.REFERRAL_GIVEN, RelationshipEventTypes.GOODWILL_GESTURE,
                RelationshipEventTypes.FEEDBACK_RECEIVED, RelationshipEventTypes.TRUST_CHANGED,
                RelationshipEventTypes.LOYALTY_CHANGED, RelationshipEventTypes.CHURN_RISK_RAISED,
                RelationshipEventTypes.CHURN_RISK_CLEARED)).containsExactly(
                "io.trustline.relationship.MeetingHeld.v1", "io.trustline.relationship.MeetingCadenceAgreed.v1",
                "io.trustline.relationship.CompetitorOfferDeclined.v1", "io.trustline.relationship.ContractRenewed.v1",
                "io.trustline.relationship.ReferralGiven.v1", "io.trustline.relationship.GoodwillGesture.v1",
                "io.trustline.relationship.FeedbackReceived.v1", "io.trustline.relationship.TrustChanged.v1",
                "io.trustline.relationship.LoyaltyChanged.v1", "io.trustline.relationship.ChurnRiskRaised.v1",
                "io.trustline.relationship.ChurnRiskCleared.v1");
        assertThat(RelationshipEventTypes.DERIVED).containsExactlyInAnyOrder(RelationshipEventTypes.TRUST_CHANGED,
                RelationshipEventTypes.LOYALTY_CHANGED, RelationshipEventTypes.CHURN_RISK_RAISED,
                RelationshipEventTypes.CHURN_RISK_CLEARED);
    }
}
