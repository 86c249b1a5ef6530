package io.trustline.incident.policy;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell of a response policy as the API reads and writes it: ISO-8601 durations, each positive. */
public record ResponseTargetsBody(
        @Schema(required = true, description = "time to acknowledge the issue, from the report", example = "PT15M")
        String acknowledge,
        @Schema(required = true, description = "time to issue an action plan, from the report", example = "PT1H")
        String actionPlan,
        @Schema(required = true, description = "longest the client may go without a proactive update", example = "PT1H")
        String updateEvery,
        @Schema(required = true, description = "time to resolve the issue, from the report; a client's own resolveBy "
                + "replaces it", example = "PT4H")
        String resolve) {

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
