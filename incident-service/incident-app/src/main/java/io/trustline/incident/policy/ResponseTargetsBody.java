package io.trustline.incident.policy;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell of a response policy as the API reads and writes it: ISO-8601 durations, each positive. */
public record ResponseTargetsBody(
        @Schema(required = true, format = "duration", pattern = DURATION_PATTERN,
                description = "time to acknowledge the issue, from the report", example = "PT15M")
        String acknowledge,
        @Schema(required = true, format = "duration", pattern = DURATION_PATTERN,
                description = "time to issue an action plan, from the report", example = "PT1H")
        String actionPlan,
        @Schema(required = true, format = "duration", pattern = DURATION_PATTERN,
                description = "longest the client may go without a proactive update", example = "PT1H")
        String updateEvery,
        @Schema(required = true, format = "duration", pattern = DURATION_PATTERN,
                description = "time to resolve the issue, from the report; a client's own resolveBy "
                + "replaces it", example = "PT4H")
        String resolve) {

    // the days-to-seconds subset of ISO 8601 that Duration.parse reads, in upper case; zero is refused besides
    static final String DURATION_PATTERN =
            "^P(?=[0-9T])([0-9]{1,9}D)?(T(?=[0-9])([0-9]{1,9}H)?([0-9]{1,9}M)?([0-9]{1,9}(\\.[0-9]{1,9})?S)?)?$";

    /** Only for a body whose durations were checked (see {@link SetResponsePolicyRequest#faults()}). */
    ResponseTargets toTargets() {
        return new ResponseTargets(Duration.parse(acknowledge), Duration.parse(actionPlan), Duration.parse(updateEvery),
                Duration.parse(resolve));
    }

    static ResponseTargetsBody of(ResponseTargets targets) {
        return new ResponseTargetsBody(targets.acknowledge().toString(), targets.actionPlan().toString(),
                targets.updateEvery().toString(), targets.resolve().toString());
    }
}
