package io.trustline.relationship.timeline;

import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.relationship.api.ChurnRiskCause;
import io.trustline.relationship.api.ChurnRiskCleared;
import io.trustline.relationship.api.ChurnRiskLevel;
import io.trustline.relationship.api.ChurnRiskRaised;
import io.trustline.relationship.api.LoyaltyChanged;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.ScoreChange;
import io.trustline.relationship.api.TrustChanged;
import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one live event changed in the client's current standing — the end of its timeline — as published events:
 * {@code TrustChanged} and {@code LoyaltyChanged} when it moved the current score (a late event included),
 * {@code ChurnRiskRaised} when the churn-risk level went up and {@code ChurnRiskCleared} when it went down (to NONE
 * or to a lower level). Nothing when it changed none of these, or was already on the timeline.
 */
final class DerivedEvents {

    /** A derived event with its CloudEvent id. */
    record Derived(String id, IntegrationEvent event) {
    }

    private DerivedEvents() {
    }

    static List<Derived> of(ScoredEvent scored) {
        Timeline before = scored.before();
        Timeline after = scored.after();
        ClientEvent cause = scored.event();
        String modelId = after.modelId();
        List<Derived> derived = new ArrayList<>(2);
        if (Double.compare(before.trust(), after.trust()) != 0) {
            derived.add(derived(scored, RelationshipEventTypes.TRUST_CHANGED, new TrustChanged(scored.tenantId(),
                    scored.clientId(), cause.occurredAt(), modelId, after.trust(), after.trust() - before.trust(),
                    cause.eventId(), addedChanges(before, after, Change.Dimension.TRUST))));
        }
        if (Double.compare(before.loyalty(), after.loyalty()) != 0) {
            derived.add(derived(scored, RelationshipEventTypes.LOYALTY_CHANGED, new LoyaltyChanged(scored.tenantId(),
                    scored.clientId(), cause.occurredAt(), modelId, after.loyalty(), after.loyalty() - before.loyalty(),
                    cause.eventId(), addedChanges(before, after, Change.Dimension.LOYALTY))));
        }
        ChurnRisk riskBefore = currentRisk(before, scored.engine());
        ChurnRisk riskAfter = currentRisk(after, scored.engine());
        int moved = riskAfter.level().compareTo(riskBefore.level());
        if (moved > 0) {
            derived.add(derived(scored, RelationshipEventTypes.CHURN_RISK_RAISED, new ChurnRiskRaised(scored.tenantId(),
                    scored.clientId(), cause.occurredAt(), modelId, level(riskAfter), level(riskBefore),
                    cause.eventId(), causes(riskAfter))));
        } else if (moved < 0) {
            derived.add(derived(scored, RelationshipEventTypes.CHURN_RISK_CLEARED, new ChurnRiskCleared(
                    scored.tenantId(), scored.clientId(), cause.occurredAt(), modelId, level(riskAfter),
                    level(riskBefore), cause.eventId(), causes(riskAfter))));
        }
        return derived;
    }

    private static Derived derived(ScoredEvent scored, String type, Object data) {
        String id = DerivedEventIds.of(scored.tenantId(), scored.clientId(), scored.event().eventId(),
                scored.after().modelId(), type);
        return new Derived(id, new IntegrationEvent(type, scored.tenantId(), scored.clientId(),
                scored.event().occurredAt(), data));
    }

    /** The changes to one score on the points {@code after} has and {@code before} had not, in timeline order. */
    private static List<ScoreChange> addedChanges(Timeline before, Timeline after, Change.Dimension dimension) {
        List<TimelinePoint> was = before.points();
        List<TimelinePoint> is = after.points();
        int shared = 0;
        // the points a resumed replay left alone are the same instances: only the rest can be new
        while (shared < Math.min(was.size(), is.size()) && was.get(shared) == is.get(shared)) {
            shared++;
        }
        Set<String> known = new HashSet<>();
        was.subList(shared, was.size()).forEach(point -> known.add(point.eventId()));
        List<ScoreChange> changes = new ArrayList<>();
        for (TimelinePoint point : is.subList(shared, is.size())) {
            if (known.contains(point.eventId())) {
                continue;
            }
            for (Change change : point.changes()) {
                if (change.dimension() == dimension) {
                    changes.add(new ScoreChange(change.rule(), change.delta(), change.sentence(), point.eventId()));
                }
            }
        }
        return changes;
    }

    /** The risk at the end of the timeline, where the client stands now. */
    private static ChurnRisk currentRisk(Timeline timeline, ScoringEngine engine) {
        if (timeline.points().isEmpty()) {
            return new ChurnRisk(timeline.asOf(), ChurnRisk.Level.NONE, List.of());
        }
        return engine.churnRisk(timeline, timeline.asOf());
    }

    private static ChurnRiskLevel level(ChurnRisk risk) {
        return ChurnRiskLevel.valueOf(risk.level().name());
    }

    private static List<ChurnRiskCause> causes(ChurnRisk risk) {
        return risk.causes().stream()
                .map(cause -> new ChurnRiskCause(cause.kind().name(), cause.sentence(), cause.eventIds()))
                .toList();
    }
}
