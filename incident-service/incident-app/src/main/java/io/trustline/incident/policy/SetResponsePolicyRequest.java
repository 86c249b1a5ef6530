package io.trustline.incident.policy;

import io.trustline.intake.api.Impact;
import io.trustline.intake.api.Scope;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PUT /policies/response}: the whole table, every impact × scope, plus the row for an issue without an
 * expectation. Keys are read as text so that an unknown impact or scope is named like any other faulty cell.
 */
@ValidResponsePolicy
// the built-in policy (ResponsePolicy.BUILT_IN), so sending the example changes no deadline
@Schema(example = """
        {"cells": {
               "INTERMITTENT": {"ONE_PERSON": {"acknowledge": "PT4H", "actionPlan": "PT24H", "updateEvery": "PT24H", "resolve": "PT120H"},
                  "TEAM": {"acknowledge": "PT2H", "actionPlan": "PT12H", "updateEvery": "PT24H", "resolve": "PT72H"},
                  "SITE": {"acknowledge": "PT1H", "actionPlan": "PT8H", "updateEvery": "PT8H", "resolve": "PT48H"},
                  "EVERYONE": {"acknowledge": "PT1H", "actionPlan": "PT4H", "updateEvery": "PT8H", "resolve": "PT48H"}},
               "DEGRADED": {"ONE_PERSON": {"acknowledge": "PT1H", "actionPlan": "PT8H", "updateEvery": "PT8H", "resolve": "PT48H"},
                  "TEAM": {"acknowledge": "PT1H", "actionPlan": "PT4H", "updateEvery": "PT4H", "resolve": "PT24H"},
                  "SITE": {"acknowledge": "PT30M", "actionPlan": "PT3H", "updateEvery": "PT3H", "resolve": "PT24H"},
                  "EVERYONE": {"acknowledge": "PT30M", "actionPlan": "PT2H", "updateEvery": "PT2H", "resolve": "PT16H"}},
               "STOPPED": {"ONE_PERSON": {"acknowledge": "PT30M", "actionPlan": "PT3H", "updateEvery": "PT3H", "resolve": "PT16H"},
                  "TEAM": {"acknowledge": "PT30M", "actionPlan": "PT2H", "updateEvery": "PT2H", "resolve": "PT8H"},
                  "SITE": {"acknowledge": "PT15M", "actionPlan": "PT1H30M", "updateEvery": "PT1H30M", "resolve": "PT8H"},
                  "EVERYONE": {"acknowledge": "PT15M", "actionPlan": "PT1H", "updateEvery": "PT1H", "resolve": "PT4H"}}},
         "withoutExpectation": {"acknowledge": "PT1H", "actionPlan": "PT4H", "updateEvery": "PT4H", "resolve": "PT24H"}}""")
public record SetResponsePolicyRequest(
        @Schema(required = true, description = "impact (INTERMITTENT, DEGRADED, STOPPED) → scope (ONE_PERSON, TEAM, "
                + "SITE, EVERYONE) → targets; every cell required, no other keys")
        Map<String, Map<String, ResponseTargetsBody>> cells,
        @Schema(required = true, description = "the targets for an issue nobody asked expectations for")
        ResponseTargetsBody withoutExpectation) {

    static final String POSITIVE_DURATION = "must be a positive ISO-8601 duration";

    record Fault(String field, String message) {
    }

    List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        if (cells == null) {
            faults.add(new Fault("cells", "missing: give every impact " + Arrays.toString(Impact.values())));
        } else {
            cells.keySet().stream().filter(key -> !isImpact(key)).sorted().forEach(key -> faults.add(new Fault(
                    "cells." + key, "unknown impact (expected one of " + Arrays.toString(Impact.values()) + ")")));
            for (Impact impact : Impact.values()) {
                String rowField = "cells." + impact;
                Map<String, ResponseTargetsBody> row = cells.get(impact.name());
                if (row == null) {
                    faults.add(new Fault(rowField, "missing: give every scope " + Arrays.toString(Scope.values())));
                    continue;
                }
                row.keySet().stream().filter(key -> !isScope(key)).sorted().forEach(key -> faults.add(new Fault(
                        rowField + "." + key, "unknown scope (expected one of " + Arrays.toString(Scope.values()) + ")")));
                for (Scope scope : Scope.values()) {
                    faults.addAll(cellFaults(rowField + "." + scope, row.get(scope.name())));
                }
            }
        }
        faults.addAll(cellFaults("withoutExpectation", withoutExpectation));
        return faults;
    }

    /** Only for a request without {@link #faults()}. */
    ResponsePolicy toPolicy(int version) {
        Map<Impact, Map<Scope, ResponseTargets>> table = new EnumMap<>(Impact.class);
        for (Impact impact : Impact.values()) {
            Map<Scope, ResponseTargets> row = new EnumMap<>(Scope.class);
            for (Scope scope : Scope.values()) {
                row.put(scope, cells.get(impact.name()).get(scope.name()).toTargets());
            }
            table.put(impact, row);
        }
        return new ResponsePolicy(version, table, withoutExpectation.toTargets());
    }

    private static List<Fault> cellFaults(String field, ResponseTargetsBody cell) {
        if (cell == null) {
            return List.of(new Fault(field, "missing: give acknowledge, actionPlan, updateEvery and resolve"));
        }
        List<Fault> faults = new ArrayList<>();
        checkDuration(field + ".acknowledge", cell.acknowledge(), faults);
        checkDuration(field + ".actionPlan", cell.actionPlan(), faults);
        checkDuration(field + ".updateEvery", cell.updateEvery(), faults);
        checkDuration(field + ".resolve", cell.resolve(), faults);
        return faults;
    }

    private static void checkDuration(String field, String text, List<Fault> faults) {
        if (!isPositiveDuration(text)) {
            faults.add(new Fault(field, POSITIVE_DURATION));
        }
    }

    private static boolean isPositiveDuration(String text) {
        if (text == null) {
            return false;
        }
        try {
            Duration duration = Duration.parse(text);
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeParseException notADuration) {
            return false;
        }
    }

    private static boolean isImpact(String key) {
        return Arrays.stream(Impact.values()).anyMatch(impact -> impact.name().equals(key));
    }

    private static boolean isScope(String key) {
        return Arrays.stream(Scope.values()).anyMatch(scope -> scope.name().equals(key));
    }
}
