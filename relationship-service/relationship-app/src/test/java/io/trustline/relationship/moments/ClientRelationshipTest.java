package io.trustline.relationship.moments;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.trustline.platform.command.IdempotencyKeyReusedException;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.relationship.api.MeetingKind;
import io.trustline.relationship.api.Money;
import io.trustline.relationship.moments.RelationshipCommand.AgreeMeetingCadence;
import io.trustline.relationship.moments.RelationshipCommand.RecordContractRenewal;
import io.trustline.relationship.moments.RelationshipCommand.RecordDeclinedOffer;
import io.trustline.relationship.moments.RelationshipCommand.RecordFeedback;
import io.trustline.relationship.moments.RelationshipCommand.RecordGoodwillGesture;
import io.trustline.relationship.moments.RelationshipCommand.RecordMeeting;
import io.trustline.relationship.moments.RelationshipCommand.RecordReferral;
import io.trustline.relationship.moments.RelationshipEvent.CompetitorOfferDeclined;
import io.trustline.relationship.moments.RelationshipEvent.ContractRenewed;
import io.trustline.relationship.moments.RelationshipEvent.FeedbackReceived;
import io.trustline.relationship.moments.RelationshipEvent.GoodwillGesture;
import io.trustline.relationship.moments.RelationshipEvent.MeetingCadenceAgreed;
import io.trustline.relationship.moments.RelationshipEvent.MeetingHeld;
import io.trustline.relationship.moments.RelationshipEvent.ReferralGiven;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRelationshipTest {

    private static final Instant NOW = Instant.parse("2026-03-05T15:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-03-05T14:00:00Z");
    private static final MeetingHeld MEETING = new MeetingHeld("tenant-a", "acme", MeetingKind.MONTHLY_REVIEW, true,
            List.of("Dana", "Priya"), "went through the outage", NOW);
    private static final MeetingCadenceAgreed EVERY_30_DAYS = new MeetingCadenceAgreed("tenant-a", "acme", 30, EARLIER);

    private AggregateTestFixture<ClientRelationship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClientRelationship.class);
        // as AxonRuntime configures it: the key and fingerprint of a command go onto the events it stores
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(IdempotentCommands.correlationData()));
    }

    @Test
    void theFirstMoment_startsTheRelationship_andIsAnsweredWithItsEventId() {
        fixture.givenNoPriorActivity()
                .when(meeting(null))
                .expectEvents(MEETING)
                .expectResultMessagePayloadMatching(Matchers.<RecordedMoment>predicate(
                        answer -> answer.moment().equals(MEETING) && !answer.eventId().isBlank()
                                && answer.eventType().equals("MeetingHeld")));
    }

    @Test
    void aDeclinedOffer_isRecorded() {
        fixture.given(MEETING)
                .when(new RecordDeclinedOffer("tenant-a", "acme", "BrightByte", "20% off", "you know us", null, NOW))
                .expectEvents(new CompetitorOfferDeclined("tenant-a", "acme", "BrightByte", "20% off", "you know us", NOW));
    }

    @Test
    void aRenewal_isRecorded_withItsValue() {
        Money value = new Money(new BigDecimal("50400.00"), "EUR");
        fixture.given(MEETING)
                .when(new RecordContractRenewal("tenant-a", "acme", 24, value, null, NOW))
                .expectEvents(new ContractRenewed("tenant-a", "acme", 24, value, NOW));
    }

    @Test
    void aReferral_isRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordReferral("tenant-a", "acme", "Harbourside Orthodontics", null, NOW))
                .expectEvents(new ReferralGiven("tenant-a", "acme", "Harbourside Orthodontics", NOW));
    }

    @Test
    void aGoodwillGesture_isRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordGoodwillGesture("tenant-a", "acme", "flowers for Dana", "Priya", null, NOW))
                .expectEvents(new GoodwillGesture("tenant-a", "acme", "flowers for Dana", "Priya", NOW));
    }

    @Test
    void feedback_isRecorded_withTheIssueItIsAbout() {
        fixture.given(MEETING)
                .when(new RecordFeedback("tenant-a", "acme", null, 9, "great", "issue-1", null, NOW))
                .expectEvents(new FeedbackReceived("tenant-a", "acme", null, 9, "great", "issue-1", NOW));
    }

    @Test
    void aMomentRecordedAfterTheFact_keepsItsOccurredAt() {
        fixture.givenNoPriorActivity()
                .when(meeting(EARLIER))
                .expectEvents(new MeetingHeld("tenant-a", "acme", MeetingKind.MONTHLY_REVIEW, true, List.of("Dana", "Priya"),
                        "went through the outage", EARLIER));
    }

    @Test
    void occurredAt_withinTheClockSkew_isAccepted() {
        Instant slightlyAhead = NOW.plus(ClientRelationship.CLOCK_SKEW);
        fixture.givenNoPriorActivity()
                .when(new RecordReferral("tenant-a", "acme", "Harbourside", slightlyAhead, NOW))
                .expectEvents(new ReferralGiven("tenant-a", "acme", "Harbourside", slightlyAhead));
    }

    @Test
    void occurredAt_beyondTheClockSkew_isRejected() {
        fixture.given(MEETING)
                .when(new RecordReferral("tenant-a", "acme", "Harbourside",
                        NOW.plus(ClientRelationship.CLOCK_SKEW).plusSeconds(1), NOW))
                .expectException(OccurredAtOutOfRange.class)
                .expectExceptionMessage(equalTo("lies in the future: it may be at most 2 minutes ahead of "
                        + "2026-03-05T15:00:00Z."))
                .expectNoEvents();
    }

    @Test
    void aFirstCadence_isAgreed() {
        fixture.givenNoPriorActivity()
                .when(new AgreeMeetingCadence("tenant-a", "acme", 30, EARLIER, NOW))
                .expectEvents(EVERY_30_DAYS);
    }

    @Test
    void anotherCadence_replacesTheOneInForce() {
        fixture.given(EVERY_30_DAYS)
                .when(new AgreeMeetingCadence("tenant-a", "acme", 14, null, NOW))
                .expectEvents(new MeetingCadenceAgreed("tenant-a", "acme", 14, NOW));
    }

    @Test
    void theCadenceInForceAgainRecordsNothing_andIsAnsweredWithTheAgreementInForce() {
        fixture.given(EVERY_30_DAYS, MEETING)
                .when(new AgreeMeetingCadence("tenant-a", "acme", 30, null, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.<RecordedMoment>predicate(
                        answer -> answer.moment().equals(EVERY_30_DAYS) && !answer.eventId().isBlank()));
    }

    @Test
    void aCadenceDatedBeforeTheOneInForce_isRejected() {
        fixture.given(EVERY_30_DAYS)
                .when(new AgreeMeetingCadence("tenant-a", "acme", 14, EARLIER.minusSeconds(1), NOW))
                .expectException(OccurredAtOutOfRange.class)
                .expectExceptionMessage(equalTo("lies before the meeting cadence in force (every 30 days, agreed at "
                        + "2026-03-05T14:00:00Z); a cadence agreed earlier was never in force."))
                .expectNoEvents();
    }

    private static final RecordReferralRequest REFERRAL_REQUEST = new RecordReferralRequest("Harbourside", null);
    private static final RecordReferral REFERRAL = REFERRAL_REQUEST.toCommand("acme", "tenant-a", NOW);
    private static final ReferralGiven REFERRED = new ReferralGiven("tenant-a", "acme", "Harbourside", NOW);

    @Test
    void aKeyedMoment_storesItsKeyAndFingerprintWithTheEvent() {
        fixture.givenNoPriorActivity()
                .when(REFERRAL, keyed("key-1", REFERRAL, REFERRAL_REQUEST))
                .expectEvents(storedWith(REFERRED, keyed("key-1", REFERRAL, REFERRAL_REQUEST)));
    }

    @Test
    void theSameRequestAgainWithItsKey_storesNothing_andAnswersTheFirstMoment() {
        // the history as read back from the store: this aggregate instance never handled the first call
        RecordReferral retry = REFERRAL_REQUEST.toCommand("acme", "tenant-a", NOW.plusSeconds(30));
        fixture.given(List.of(MEETING, storedWith(REFERRED, keyed("key-1", REFERRAL, REFERRAL_REQUEST))))
                .when(retry, keyed("key-1", retry, REFERRAL_REQUEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.<IdempotentCommands.Replayed>predicate(
                        replayed -> replayed.answer() instanceof RecordedMoment first
                                && first.moment().equals(REFERRED) && !first.eventId().isBlank()));
    }

    @Test
    void theSameKeyWithAnotherRequest_isRefused_andStoresNothing() {
        RecordGoodwillGestureRequest other = new RecordGoodwillGestureRequest("flowers", "Priya", null);
        RecordGoodwillGesture command = other.toCommand("acme", "tenant-a", NOW);
        fixture.given(List.of(storedWith(REFERRED, keyed("key-1", REFERRAL, REFERRAL_REQUEST))))
                .when(command, keyed("key-1", command, other))
                .expectException(IdempotencyKeyReusedException.class)
                .expectExceptionMessage(containsString("client 'acme'"))
                .expectNoEvents();
    }

    private static RecordMeeting meeting(Instant occurredAt) {
        return new RecordMeeting("tenant-a", "acme", MeetingKind.MONTHLY_REVIEW, true, List.of("Dana", "Priya"),
                "went through the outage", occurredAt, NOW);
    }

    /** The metadata the resource sends: the fingerprint is the one a real call carries. */
    private static MetaData keyed(String key, RelationshipCommand command, Object request) {
        return IdempotentCommands.message(command, key, request).getMetaData();
    }

    private static EventMessage<?> storedWith(RelationshipEvent event, MetaData metaData) {
        return GenericEventMessage.asEventMessage(event).andMetaData(metaData);
    }
}
