package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of one model, applied to one client's history in order: each event through the rule
 * families of the seeds, and the contact clock on every tick between events. The only public type
 * of this package; everything the rules keep between points lives in {@link ClientState}.
 */
public final class Rulebook {

    private final ScoringModel model;
    private final List<ScoringRules> rules = List.of(
            new ChronicPainRules(),
            new ExpectationsFirstRules(),
            new ScrewUpHandlingRules(),
            new WhenAndHowRules(),
            new LoyaltyRules());
    private final ContactClock clock = new ContactClock();
    private final Set<Class<? extends ClientEvent>> contactEvents;

    public Rulebook(ScoringModel model) {
        this.model = model;
        this.contactEvents = model.contact().contactEventTypes();
    }

    /**
     * The points of a history already in canonical order and cut at {@code asOf}: one per event,
     * plus a clock point for every tick up to {@code asOf} that moved a score.
     */
    public List<TimelinePoint> replay(List<ClientEvent> history, Instant asOf) {
        if (history.isEmpty()) {
            return List.of();
        }
        ClientState state = new ClientState(model, contactEvents, history.get(0).occurredAt());
        List<TimelinePoint> points = new ArrayList<>(history.size() + 16);
        Instant nextTick = state.relationshipStart().plus(model.contact().tick());
        for (ClientEvent event : history) {
            nextTick = ticksUntil(event.occurredAt(), nextTick, state, points);
            points.add(apply(event, state));
        }
        ticksUntil(asOf, nextTick, state, points);
        return points;
    }

    /** Every rule reads the state as it was before the event; then the state records it. */
    private TimelinePoint apply(ClientEvent event, ClientState state) {
        PointBuilder point = PointBuilder.forEvent(state, event);
        for (ScoringRules rule : rules) {
            rule.on(event, state, point);
        }
        state.record(event);
        return point.build();
    }

    /** Adds the clock points due at or before {@code until}; answers the next tick after them. */
    private Instant ticksUntil(Instant until, Instant nextTick, ClientState state, List<TimelinePoint> points) {
        Instant tick = nextTick;
        while (!tick.isAfter(until)) {
            PointBuilder point = PointBuilder.forTick(state, tick);
            clock.tick(state, point);
            state.tickPassed();
            if (!point.isEmpty()) {
                points.add(point.build());
            }
            tick = tick.plus(model.contact().tick());
        }
        return tick;
    }
}
