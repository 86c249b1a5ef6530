package io.trustline.incident.policy;

import static io.trustline.incident.policy.ResponseTargets.minutes;

import io.trustline.intake.api.Impact;
import io.trustline.intake.api.Scope;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's response policy: the {@link ResponseTargets} for each WHAT impact × WHO scope of an issue, and for an
 * issue nobody asked expectations for. Version 0 is the {@link #BUILT_IN} policy of a tenant that never set one;
 * each policy the tenant sets takes the next version.
 */
public record ResponsePolicy(int version, Map<Impact, Map<Scope, ResponseTargets>> cells,
                             ResponseTargets withoutExpectation) {

    /** The targets of the scoring model {@code trustline-default@1}, so an untouched tenant is judged as scored. */
    public static final ResponsePolicy BUILT_IN = new ResponsePolicy(0, Map.of(
            Impact.STOPPED, Map.of(
                    Scope.EVERYONE, minutes(15, 60, 60, 240),
                    Scope.SITE, minutes(15, 90, 90, 480),
                    Scope.TEAM, minutes(30, 120, 120, 480),
                    Scope.ONE_PERSON, minutes(30, 180, 180, 960)),
            Impact.DEGRADED, Map.of(
                    Scope.EVERYONE, minutes(30, 120, 120, 960),
                    Scope.SITE, minutes(30, 180, 180, 1440),
                    Scope.TEAM, minutes(60, 240, 240, 1440),
                    Scope.ONE_PERSON, minutes(60, 480, 480, 2880)),
            Impact.INTERMITTENT, Map.of(
                    Scope.EVERYONE, minutes(60, 240, 480, 2880),
                    Scope.SITE, minutes(60, 480, 480, 2880),
                    Scope.TEAM, minutes(120, 720, 1440, 4320),
                    Scope.ONE_PERSON, minutes(240, 1440, 1440, 7200))),
            minutes(60, 240, 240, 1440));

    public ResponsePolicy {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
        Objects.requireNonNull(withoutExpectation, "withoutExpectation");
        Map<Impact, Map<Scope, ResponseTargets>> complete = new EnumMap<>(Impact.class);
        for (Impact impact : Impact.values()) {
            Map<Scope, ResponseTargets> row = Objects.requireNonNull(cells.get(impact), impact::name);
            Map<Scope, ResponseTargets> copy = new EnumMap<>(Scope.class);
            for (Scope scope : Scope.values()) {
                copy.put(scope, Objects.requireNonNull(row.get(scope), () -> impact + "." + scope));
            }
            complete.put(impact, java.util.Collections.unmodifiableMap(copy));
        }
        cells = java.util.Collections.unmodifiableMap(complete);
    }

    public ResponseTargets targetsFor(Impact impact, Scope scope) {
        return cells.get(impact).get(scope);
    }
}
