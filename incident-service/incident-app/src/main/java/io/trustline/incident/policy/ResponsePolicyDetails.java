package io.trustline.incident.policy;

import io.trustline.intake.api.Impact;
import io.trustline.intake.api.Scope;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /policies/response}: the tenant's current response policy. */
public record ResponsePolicyDetails(
        @Schema(required = true, description = "0 for the built-in policy (the tenant never set one); each PUT takes "
                + "the next version, and incidents record the version their targets came from")
        int version,
        @Schema(required = true, description = "impact → scope → targets")
        Map<Impact, Map<Scope, ResponseTargetsBody>> cells,
        @Schema(required = true, description = "the targets for an issue nobody asked expectations for")
        ResponseTargetsBody withoutExpectation) {

    static ResponsePolicyDetails of(ResponsePolicy policy) {
        Map<Impact, Map<Scope, ResponseTargetsBody>> cells = new EnumMap<>(Impact.class);
        policy.cells().forEach((impact, row) -> {
            Map<Scope, ResponseTargetsBody> bodies = new EnumMap<>(Scope.class);
            row.forEach((scope, targets) -> bodies.put(scope, ResponseTargetsBody.of(targets)));
            cells.put(impact, bodies);
        });
        return new ResponsePolicyDetails(policy.version(), cells, ResponseTargetsBody.of(policy.withoutExpectation()));
    }

    ResponsePolicy toPolicy() {
        Map<Impact, Map<Scope, ResponseTargets>> table = new EnumMap<>(Impact.class);
        cells.forEach((impact, row) -> {
            Map<Scope, ResponseTargets> targets = new EnumMap<>(Scope.class);
            row.forEach((scope, body) -> targets.put(scope, body.toTargets()));
            table.put(impact, targets);
        });
        return new ResponsePolicy(version, table, withoutExpectation.toTargets());
    }
}
