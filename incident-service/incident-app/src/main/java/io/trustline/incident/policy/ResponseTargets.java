package io.trustline.incident.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the provider promises for one kind of issue: the time to acknowledge it, to issue an action plan and to
 * resolve it, each counted from the report, and how often the client hears from us meanwhile.
 */
public record ResponseTargets(Duration acknowledge, Duration actionPlan, Duration updateEvery, Duration resolve) {

    public ResponseTargets {
        Objects.requireNonNull(acknowledge, "acknowledge");
        Objects.requireNonNull(actionPlan, "actionPlan");
        Objects.requireNonNull(updateEvery, "updateEvery");
        Objects.requireNonNull(resolve, "resolve");
    }

    static ResponseTargets minutes(long acknowledge, long actionPlan, long updateEvery, long resolve) {
        return new ResponseTargets(Duration.ofMinutes(acknowledge), Duration.ofMinutes(actionPlan),
                Duration.ofMinutes(updateEvery), Duration.ofMinutes(resolve));
    }
}
