package io.trustline.relationship.scoring.model;

import io.trustline.relationship.scoring.ClientEvent.Impact;
import io.trustline.relationship.scoring.ClientEvent.Scope;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.churn.ChurnCause;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A version of the trust and loyalty model: weights, targets and decay, read from a YAML file
 * (see {@code scoring/trustline-default-v1.yaml}). A published version is never edited; a change
 * is a new version, so any timeline can name the exact model that produced it.
 */
public record ScoringModel(
        String model,
        int version,
        String description,
        Scores scores,
        Map<Impact, Map<Scope, Targets>> targets,
        Targets withoutExpectation,
        Severity severity,
        TrustWeights trust,
        LoyaltyWeights loyalty,
        Contact contact,
        Chronic chronic,
        ChurnRiskRules churnRisk,
        AdvanceNotice advanceNotice) {

    public ScoringModel {
        targets = immutableTargets(targets);
    }

    private static Map<Impact, Map<Scope, Targets>> immutableTargets(Map<Impact, Map<Scope, Targets>> targets) {
        if (targets == null) {
            return null;
        }
        Map<Impact, Map<Scope, Targets>> copy = new java.util.EnumMap<>(Impact.class);
        targets.forEach((impact, byScope) -> copy.put(impact, byScope == null ? null : Map.copyOf(byScope)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code trustline-default@1}: how timelines and comparisons name a model. */
    public String id() {
        return model + "@" + version;
    }

    public Targets targetsFor(Impact impact, Scope scope) {
        return targets.get(impact).get(scope);
    }

    public record Scores(double start, double min, double max) {
    }

    public record Targets(long acknowledgeMinutes, long actionPlanMinutes, long updateEveryMinutes,
                          long resolveMinutes) {
        public Duration acknowledge() {
            return Duration.ofMinutes(acknowledgeMinutes);
        }

        public Duration actionPlan() {
            return Duration.ofMinutes(actionPlanMinutes);
        }

        public Duration updateEvery() {
            return Duration.ofMinutes(updateEveryMinutes);
        }

        public Duration resolve() {
            return Duration.ofMinutes(resolveMinutes);
        }
    }

    public record Severity(Map<Impact, Double> impact, Map<Scope, Double> scope) {
        public Severity {
            impact = Map.copyOf(impact);
            scope = Map.copyOf(scope);
        }

        public double of(Impact anImpact, Scope aScope) {
            return impact.get(anImpact) * scope.get(aScope);
        }
    }

    public record TrustWeights(
            double expectationSetBeforeWork,
            double acknowledgedInTarget,
            double acknowledgedLate,
            double actionPlanInTarget,
            double actionPlanLate,
            double updateInCadence,
            int rewardedUpdatesPerIssue,
            double updateOverdue,
            double clientChased,
            double disruptionAdmittedByProvider,
            double disruptionDiscoveredByClient,
            double planAfterAdmittedDisruption,
            double planAfterDiscoveredDisruption,
            double fixInTargetAfterDisruption,
            double miscommunication,
            double planAfterMiscommunication,
            double actionPlanCompleted,
            double resolvedInTarget,
            double expectationMet,
            double expectationMissed,
            double revisedByProviderBeforeDeadline,
            double revisedByProviderAfterDeadline,
            double howCriteriaMet,
            double howCriteriaNotMet,
            double reopened,
            double goodwillGesture,
            double csatPerPointFromNeutral,
            double advanceNoticeKept,
            double shortNoticeKept,
            double advanceNoticeMissed,
            double shortNoticeMissed) {
    }

    public record LoyaltyWeights(
            double competitorOfferDeclined,
            double contractRenewed,
            double referralGiven,
            double goodwillGesture,
            double meetingFaceToFace,
            double meetingRemote,
            double npsPromoter,
            double npsDetractor,
            SustainedTrust sustainedTrust) {
    }

    public record SustainedTrust(double highAtLeast, double lift, double lowAtMost, double drag) {
    }

    public record Contact(
            int tickDays,
            int meetingCadenceDays,
            int graceDays,
            double withoutContactPerTick,
            double meetingOverduePerTick,
            double overdueEscalationPerTick,
            double maxOverduePerTick,
            Set<String> contactEvents) {
        public Contact {
            contactEvents = Set.copyOf(contactEvents);
        }

        public Duration tick() {
            return Duration.ofDays(tickDays);
        }

        /** The contact event types; {@link ScoringModelFiles} has refused a file naming an unknown one. */
        public Set<Class<? extends ClientEvent>> contactEventTypes() {
            Map<String, Class<? extends ClientEvent>> byName = ClientEvent.typesByName();
            return contactEvents.stream().map(byName::get).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /** Seed 001: how far ahead a client's notice must come to count as comfortable rather than short. */
    public record AdvanceNotice(int comfortableLeadDays) {
        public Duration comfortableLead() {
            return Duration.ofDays(comfortableLeadDays);
        }
    }

    public record Chronic(int windowDays, int issuesBeforeChronic, double costPerChronicIssue,
                          double missCompoundingPerPriorMiss) {
        public Duration window() {
            return Duration.ofDays(windowDays);
        }
    }

    public record ChurnRiskRules(
            int windowDays,
            int meetingOverdueDays,
            double trustDropPoints,
            int missedExpectations,
            int clientChases,
            double loyaltyBelow,
            double stuckTrustBelow,
            double stuckLoyaltyAtLeast,
            Map<ChurnCause.Kind, Integer> weights,
            int mediumAt,
            int highAt) {
        public ChurnRiskRules {
            weights = Map.copyOf(weights);
        }

        public Duration window() {
            return Duration.ofDays(windowDays);
        }
    }
}
