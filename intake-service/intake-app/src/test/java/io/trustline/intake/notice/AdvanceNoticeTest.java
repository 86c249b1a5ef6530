package io.trustline.intake.notice;

import static org.hamcrest.Matchers.containsString;

import io.trustline.intake.notice.AdvanceNoticeCommand.FulfilAdvanceNotice;
import io.trustline.intake.notice.AdvanceNoticeCommand.GiveAdvanceNotice;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeFulfilled;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeGiven;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.NotFoundForTenant;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 001: the new hire announced on Tuesday for Monday 08:00. */
class AdvanceNoticeTest {

    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant MONDAY_8AM = Instant.parse("2026-03-09T08:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-03-06T16:30:00Z");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final String NEW_HIRE = "new hire starts Monday";

    private AggregateTestFixture<AdvanceNotice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AdvanceNotice.class);
    }

    @Test
    void givingNotice_recordsWhatIsComingAndWhenItIsNeeded() {
        fixture.givenNoPriorActivity()
                .when(give(TUESDAY))
                .expectEvents(given());
    }

    @Test
    void givingNotice_withoutGivenAt_isDatedByTheServicesClock() {
        fixture.givenNoPriorActivity()
                .when(give(null))
                .expectEvents(new AdvanceNoticeGiven("n-1", "tenant-a", "acme-dental", NEW_HIRE, TUESDAY, MONDAY_8AM));
    }

    @Test
    void givingNotice_isRefused_whenGivenInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new GiveAdvanceNotice("n-1", "tenant-a", "acme-dental", NEW_HIRE, MONDAY_8AM,
                        TUESDAY.plusSeconds(1), TUESDAY))
                .expectNoEvents()
                .expectException(InvalidNotice.class)
                .expectExceptionMessage(containsString("in the future"));
    }

    @Test
    void givingNotice_isRefused_whenNeededNoLaterThanItIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new GiveAdvanceNotice("n-1", "tenant-a", "acme-dental", NEW_HIRE, TUESDAY, TUESDAY, NOW))
                .expectNoEvents()
                .expectException(InvalidNotice.class)
                .expectExceptionMessage(containsString("still to come"));
    }

    @Test
    void fulfillingBeforeItIsNeeded_isOnTime() {
        fixture.given(given())
                .when(new FulfilAdvanceNotice("n-1", "tenant-a", FRIDAY, "laptop ready", NOW))
                .expectEvents(new AdvanceNoticeFulfilled("n-1", "tenant-a", "acme-dental", NEW_HIRE, TUESDAY,
                        MONDAY_8AM, FRIDAY, "laptop ready"));
    }

    @Test
    void fulfillingAfterItWasNeeded_isLate_byTheDifference() {
        Instant mondayLate = MONDAY_8AM.plus(Duration.ofMinutes(150));
        AdvanceNoticeFulfilled late = new AdvanceNoticeFulfilled("n-1", "tenant-a", "acme-dental", NEW_HIRE, TUESDAY,
                MONDAY_8AM, mondayLate, null);
        fixture.given(given())
                .when(new FulfilAdvanceNotice("n-1", "tenant-a", mondayLate, null, NOW))
                .expectEvents(late);
        org.assertj.core.api.Assertions.assertThat(late.onTime()).isFalse();
        org.assertj.core.api.Assertions.assertThat(late.lateness()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void aSecondFulfilment_isNotAllowed_namingTheStateFulfilled() {
        fixture.given(given(), new AdvanceNoticeFulfilled("n-1", "tenant-a", "acme-dental", NEW_HIRE, TUESDAY,
                        MONDAY_8AM, FRIDAY, null))
                .when(new FulfilAdvanceNotice("n-1", "tenant-a", FRIDAY, null, NOW))
                .expectNoEvents()
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(containsString("State: FULFILLED"));
    }

    @Test
    void fulfilling_isRefused_beforeTheNoticeWasGiven_orInTheFuture() {
        fixture.given(given())
                .when(new FulfilAdvanceNotice("n-1", "tenant-a", TUESDAY.minusSeconds(1), null, NOW))
                .expectNoEvents()
                .expectException(InvalidNotice.class)
                .expectExceptionMessage(containsString("before the notice was given"));
        fixture.given(given())
                .when(new FulfilAdvanceNotice("n-1", "tenant-a", NOW.plusSeconds(1), null, NOW))
                .expectNoEvents()
                .expectException(InvalidNotice.class)
                .expectExceptionMessage(containsString("in the future"));
    }

    @Test
    void anotherTenantsFulfilment_isRefusedLikeAnUnknownNotice() {
        fixture.given(given())
                .when(new FulfilAdvanceNotice("n-1", "tenant-b", FRIDAY, null, NOW))
                .expectNoEvents()
                .expectException(NotFoundForTenant.class);
    }

    private static GiveAdvanceNotice give(Instant givenAt) {
        return new GiveAdvanceNotice("n-1", "tenant-a", "acme-dental", NEW_HIRE, MONDAY_8AM, givenAt, TUESDAY);
    }

    private static AdvanceNoticeGiven given() {
        return new AdvanceNoticeGiven("n-1", "tenant-a", "acme-dental", NEW_HIRE, TUESDAY, MONDAY_8AM);
    }
}
