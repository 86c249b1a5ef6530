package io.trustline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = RestartPolicy.DEFAULT;

    @Test
    void aProcessThatKeepsFailing_isRestartedAfter1_2_4_8_16Seconds_thenGivenUpOn() {
        List<Optional<Duration>> delays = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < 6; i++) {
            failures = policy.failuresInARow(failures, Duration.ofSeconds(5));
            delays.add(policy.delayBeforeRestart(failures));
        }

        assertThat(delays).containsExactly(Optional.of(Duration.ofSeconds(1)), Optional.of(Duration.ofSeconds(2)),
                Optional.of(Duration.ofSeconds(4)), Optional.of(Duration.ofSeconds(8)), Optional.of(Duration.ofSeconds(16)),
                Optional.empty());
    }

    @Test
    void aProcessThatStayedHealthyForAMinute_startsCountingAfresh() {
        int failures = policy.failuresInARow(4, Duration.ofMinutes(1));

        assertThat(failures).isEqualTo(1);
        assertThat(policy.delayBeforeRestart(failures)).contains(Duration.ofSeconds(1));
        assertThat(policy.failuresInARow(4, Duration.ofSeconds(59))).isEqualTo(5);
    }

    @Test
    void theDelay_neverExceedsTheCap() {
        RestartPolicy patient = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), 100);

        assertThat(patient.delayBeforeRestart(6)).contains(Duration.ofSeconds(30));
        assertThat(patient.delayBeforeRestart(100)).contains(Duration.ofSeconds(30));
    }
}
