package io.trustline.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.platform.failure.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionPausesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("trustline.intake.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("trustline.intake.v1", 1);

    private final PartitionPauses pauses = new PartitionPauses(FixedSubscriberSettings.defaults());

    @Test
    void eachPartitionCountsItsOwnFailures_soOneStuckPartitionDoesNotStretchAnothersPause() {
        pauses.block(P0, FailureKind.INFRASTRUCTURE, "mongo down", T0);
        pauses.block(P0, FailureKind.INFRASTRUCTURE, "mongo down", T0);
        PartitionPauses.Blocked third = pauses.block(P0, FailureKind.INFRASTRUCTURE, "mongo down", T0);
        PartitionPauses.Blocked other = pauses.block(P1, FailureKind.INFRASTRUCTURE, "mongo down", T0);

        assertThat(pauses.pauseOf(third)).isEqualTo(Duration.ofSeconds(4));
        assertThat(pauses.pauseOf(other)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pauses.takeDue(T0.plusSeconds(1))).containsExactly(P1);
        assertThat(pauses.takeDue(T0.plusSeconds(4))).containsExactly(P0);
    }

    @Test
    void aPartitionStaysBlockedAfterItsPause_untilARecordOfItSucceeds() {
        pauses.block(P0, FailureKind.INFRASTRUCTURE, "mongo down", T0);
        pauses.takeDue(T0.plusSeconds(1));

        assertThat(pauses.oldest()).map(PartitionPauses.Blocked::since).contains(T0);
        assertThat(pauses.unblock(P0)).map(PartitionPauses.Blocked::failures).contains(1);
        assertThat(pauses.oldest()).isEmpty();
    }

    @Test
    void aRevokedPartition_isForgotten_soReadinessDoesNotReportAnotherInstancesPartition() {
        pauses.block(P0, FailureKind.INFRASTRUCTURE, "mongo down", T0);

        pauses.forget(List.of(P0));

        assertThat(pauses.oldest()).isEmpty();
        assertThat(pauses.takeDue(T0.plusSeconds(60))).isEmpty();
        assertThat(pauses.pollWait(T0, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void thePollWaitsNoLongerThanTheNextPauseEnds() {
        pauses.block(P0, FailureKind.INFRASTRUCTURE, "mongo down", T0);

        assertThat(pauses.pollWait(T0.plusMillis(800), Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(200));
        assertThat(pauses.pollWait(T0.plusSeconds(2), Duration.ofMillis(500))).isEqualTo(Duration.ZERO);
    }
}
