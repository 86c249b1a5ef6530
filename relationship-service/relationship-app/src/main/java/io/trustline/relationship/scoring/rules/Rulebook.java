package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    public Rulebook(ScoringModel model) {
        this.model = model;
    }

    /**
     * The points of a history already in canonical order and cut at {@code asOf}: one per event,
     * plus a clock point for every tick up to {@code asOf} that moved a score.
     */
    public List<TimelinePoint> replay(List<ClientEvent> history, Instant asOf) {
        if (history.isEmpty()) {
            return List.of();
        }
        ClientState state = new ClientState(model);
        state.begin(history.get(0).occurredAt());
        List<TimelinePoint> points = new ArrayList<>(history.size() + 16);
        Instant nextTick = state.relationshipStart.plus(model.contact().tick());
        for (ClientEvent event : history) {
            nextTick = ticksUntil(event.occurredAt(), nextTick, state, points);
            points.add(apply(event, state));
        }
        ticksUntil(asOf, nextTick, state, points);
        return points;
    }

    private TimelinePoint apply(ClientEvent event, ClientState state) {
        String issueId = event instanceof ClientEvent.OfIssue ofIssue ? ofIssue.issueId() : null;
        if (issueId != null) {
            state.issue(issueId, event.occurredAt());
        }
        PointBuilder point = new PointBuilder(state, TimelinePoint.Kind.EVENT, event.type(), event.eventId(),
                event.occurredAt(), issueId);
        for (ScoringRules rule : rules) {
            rule.on(event, state, point);
        }
        if (model.contact().contactEvents().contains(event.type())) {
            state.lastContactAt = event.occurredAt();
        }
        return point.build();
    }

    /** Adds the clock points due at or before {@code until}; answers the next tick after them. */
    private Instant ticksUntil(Instant until, Instant nextTick, ClientState state, List<TimelinePoint> points) {
        Instant tick = nextTick;
        while (!tick.isAfter(until)) {
            PointBuilder point = new PointBuilder(state, TimelinePoint.Kind.CLOCK, TimelinePoint.CLOCK_TYPE,
                    "clock:" + tick, tick, null);
            clock.tick(state, point);
            if (!point.isEmpty()) {
                points.add(point.build());
            }
            tick = tick.plus(model.contact().tick());
        }
        return tick;
    }
}
