package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoring.churn.ChurnRiskAssessor;
import io.trustline.relationship.scoring.churn.ChurnRiskChange;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.rules.Replay;
import io.trustline.relationship.scoring.rules.Rulebook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The trust and loyalty model applied to one client's history: a pure function of the model and
 * the <em>set</em> of the client's events. Events are ordered by occurrence time, then by event
 * id; an id seen twice counts once; so arrival order, redelivery and late events do not matter.
 * An engine holds no state between calls and may be shared by threads.
 */
public final class ScoringEngine {

    /**
     * The canonical order of a client's history: occurrence time, then event id. Two different
     * events under one id (a producer bug) are ordered by content, so which one counts does not
     * depend on which arrived first.
     */
    public static final Comparator<ClientEvent> CANONICAL_ORDER = Comparator.comparing(ClientEvent::occurredAt)
            .thenComparing(ClientEvent::eventId)
            .thenComparing(Object::toString);

    private final ScoringModel model;
    private final Rulebook rules;
    private final ChurnRiskAssessor churnRisk;

    public ScoringEngine(ScoringModel model) {
        this.model = model;
        this.rules = new Rulebook(model);
        this.churnRisk = new ChurnRiskAssessor(model);
    }

    public ScoringModel model() {
        return model;
    }

    /** The timeline up to the client's latest event. */
    public Timeline timeline(Collection<? extends ClientEvent> events) {
        Instant latest = events.stream().map(ClientEvent::occurredAt).max(Comparator.naturalOrder()).orElse(null);
        return latest == null ? empty(null) : timelineAsOf(events, latest);
    }

    /**
     * The timeline as it stood at {@code asOf}: the events that occurred up to then, and the clock
     * points up to then (a client silent since March shows the decay until {@code asOf}).
     */
    public Timeline timelineAsOf(Collection<? extends ClientEvent> events, Instant asOf) {
        List<ClientEvent> history = canonicalHistory(events, asOf);
        if (history.isEmpty()) {
            return empty(asOf);
        }
        return timeline(rules.replay(history, asOf), asOf);
    }

    /**
     * The history scored so that it can take one more event, or be read as of a later instant, at the cost of the
     * events after the place the new event lands rather than of the whole history (see {@link ScoredHistory}).
     */
    public ScoredHistory score(Collection<? extends ClientEvent> events) {
        return ScoredHistory.of(this, canonicalHistory(events, Instant.MAX));
    }

    Rulebook rules() {
        return rules;
    }

    Timeline timeline(Replay replay, Instant asOf) {
        return new Timeline(model.id(), asOf, model.scores().start(), model.scores().start(), replay.points());
    }

    /**
     * The churn risk at {@code asOf}, from the points of the timeline at or before it. The
     * timeline must reach {@code asOf}: one that stops earlier lacks the decay since its end.
     */
    public ChurnRisk churnRisk(Timeline timeline, Instant asOf) {
        if (timeline.asOf() != null && asOf.isAfter(timeline.asOf())) {
            throw new IllegalArgumentException("the timeline ends at " + timeline.asOf() + ", before " + asOf
                    + ": compute it with timelineAsOf(events, " + asOf + ") first");
        }
        return churnRisk.assess(timeline, asOf);
    }

    /** The churn risk of the client's history as of {@code asOf}. */
    public ChurnRisk churnRiskAsOf(Collection<? extends ClientEvent> events, Instant asOf) {
        return churnRisk.assess(timelineAsOf(events, asOf), asOf);
    }

    /** Every point where the churn-risk level changed: when a risk was raised or cleared, and why. */
    public List<ChurnRiskChange> churnRiskChanges(Timeline timeline) {
        return churnRisk.changes(timeline);
    }

    /** Sorted by {@link #CANONICAL_ORDER}, one event per id, none after {@code asOf}. */
    public static List<ClientEvent> canonicalHistory(Collection<? extends ClientEvent> events, Instant asOf) {
        List<ClientEvent> sorted = new ArrayList<>(events.size());
        for (ClientEvent event : events) {
            if (!event.occurredAt().isAfter(asOf)) {
                sorted.add(event);
            }
        }
        sorted.sort(CANONICAL_ORDER);
        Set<String> seen = new HashSet<>(sorted.size() * 2);
        List<ClientEvent> history = new ArrayList<>(sorted.size());
        for (ClientEvent event : sorted) {
            if (seen.add(event.eventId())) {
                history.add(event);
            }
        }
        return history;
    }

    private Timeline empty(Instant asOf) {
        return new Timeline(model.id(), asOf, model.scores().start(), model.scores().start(), List.of());
    }
}
