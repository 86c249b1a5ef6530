package io.trustline.relationship.scoring.model;

import io.trustline.relationship.scoring.Wording;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

/**
 * Every weight is a signed amount: a gain is written positive and a cost negative. An author who
 * writes a cost as a size ({@code clientChased: 3}) would reward what the model means to punish,
 * so such a file is refused with the key named.
 */
final class ModelSigns {

    private static final Set<String> TRUST_GAINS = Set.of("expectationSetBeforeWork", "acknowledgedInTarget",
            "actionPlanInTarget", "updateInCadence", "rewardedUpdatesPerIssue", "planAfterAdmittedDisruption",
            "planAfterDiscoveredDisruption", "fixInTargetAfterDisruption", "planAfterMiscommunication",
            "actionPlanCompleted", "resolvedInTarget", "expectationMet", "howCriteriaMet", "goodwillGesture",
            "csatPerPointFromNeutral", "advanceNoticeKept", "shortNoticeKept");
    private static final Set<String> LOYALTY_COSTS = Set.of("npsDetractor");

    private ModelSigns() {
    }

    static void check(ScoringModel model, List<String> problems) {
        signs("trust", model.trust(), TRUST_GAINS, problems);
        signs("loyalty", model.loyalty(), null, problems);
        ScoringModel.SustainedTrust sustained = model.loyalty().sustainedTrust();
        atLeastZero("loyalty.sustainedTrust.lift", sustained.lift(), problems);
        atMostZero("loyalty.sustainedTrust.drag", sustained.drag(), problems);
        if (sustained.lowAtMost() >= sustained.highAtLeast()) {
            problems.add("loyalty.sustainedTrust: lowAtMost must be below highAtLeast");
        }
        ScoringModel.Contact contact = model.contact();
        atLeastZero("contact.graceDays", contact.graceDays(), problems);
        atMostZero("contact.withoutContactPerTick", contact.withoutContactPerTick(), problems);
        atMostZero("contact.meetingOverduePerTick", contact.meetingOverduePerTick(), problems);
        atMostZero("contact.overdueEscalationPerTick", contact.overdueEscalationPerTick(), problems);
        atMostZero("contact.maxOverduePerTick", contact.maxOverduePerTick(), problems);
        if (contact.maxOverduePerTick() > contact.meetingOverduePerTick()) {
            problems.add("contact.maxOverduePerTick: must be at most meetingOverduePerTick (both are costs)");
        }
        ScoringModel.Chronic chronic = model.chronic();
        atLeastZero("chronic.issuesBeforeChronic", chronic.issuesBeforeChronic(), problems);
        atMostZero("chronic.costPerChronicIssue", chronic.costPerChronicIssue(), problems);
        atLeastZero("chronic.missCompoundingPerPriorMiss", chronic.missCompoundingPerPriorMiss(), problems);
        model.severity().impact().forEach((impact, factor) -> positive("severity.impact." + impact, factor, problems));
        model.severity().scope().forEach((scope, factor) -> positive("severity.scope." + scope, factor, problems));
        ScoringModel.ChurnRiskRules churn = model.churnRisk();
        atLeastZero("churnRisk.meetingOverdueDays", churn.meetingOverdueDays(), problems);
        atLeastZero("churnRisk.trustDropPoints", churn.trustDropPoints(), problems);
        positive("churnRisk.missedExpectations", churn.missedExpectations(), problems);
        positive("churnRisk.clientChases", churn.clientChases(), problems);
        churn.weights().forEach((kind, weight) -> atLeastZero("churnRisk.weights." + kind, weight, problems));
    }

    /** Components named in {@code gains} must be >= 0, all others <= 0 (or the reverse for loyalty). */
    private static void signs(String section, Record weights, Set<String> gains, List<String> problems) {
        for (RecordComponent component : weights.getClass().getRecordComponents()) {
            Object value = read(component, weights);
            if (!(value instanceof Number number)) {
                continue;
            }
            boolean gain = gains != null ? gains.contains(component.getName())
                    : !LOYALTY_COSTS.contains(component.getName());
            String key = section + "." + component.getName();
            if (gain) {
                atLeastZero(key, number.doubleValue(), problems);
            } else {
                atMostZero(key, number.doubleValue(), problems);
            }
        }
    }

    private static Object read(RecordComponent component, Record weights) {
        try {
            return component.getAccessor().invoke(weights);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static void atLeastZero(String key, double value, List<String> problems) {
        if (value < 0) {
            problems.add(key + ": a gain or a count, must not be negative (was " + Wording.number(value) + ")");
        }
    }

    private static void atMostZero(String key, double value, List<String> problems) {
        if (value > 0) {
            problems.add(key + ": a cost, write it negative (was " + Wording.number(value) + ")");
        }
    }

    private static void positive(String key, double value, List<String> problems) {
        if (value <= 0) {
            problems.add(key + ": must be above zero (was " + Wording.number(value) + ")");
        }
    }
}
