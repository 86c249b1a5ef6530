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
 * of this package with {@link Replay}; everything the rules keep between points lives in {@link ClientState}.
 */
public final class Rulebook {

    private final ScoringModel model;
    private final List<ScoringRules> rules = List.of(
            new ChronicPainRules(),
            new ExpectationsFirstRules(),
            new ScrewUpHandlingRules(),
            new WhenAndHowRules(),
            new AdvanceNoticeRules(),
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
    public Replay replay(List<ClientEvent> history, Instant asOf) {
        if (history.isEmpty()) {
            return Replay.NONE;
        }
        ClientState state = new ClientState(model, contactEvents, history.get(0).occurredAt());
        return run(history, 0, state, state.relationshipStart().plus(model.contact().tick()),
                new ArrayList<>(history.size() + 16), new ArrayList<>(), asOf);
    }

    /**
     * The same as {@link #replay} of {@code history}, which has the first {@code unchangedEvents} events of the
     * history {@code earlier} replayed: the replay starts at the latest checkpoint among them, and the points before
     * it are {@code earlier}'s, the same instances.
     */
    public Replay resume(Replay earlier, List<ClientEvent> history, int unchangedEvents, Instant asOf) {
        Replay.Checkpoint from = earlier.latestWithin(unchangedEvents);
        if (from == null) {
            return replay(history, asOf);
        }
        List<TimelinePoint> points = new ArrayList<>(history.size() + 16);
        points.addAll(earlier.points().subList(0, from.pointsDone()));
        List<Replay.Checkpoint> checkpoints = new ArrayList<>(
                earlier.checkpoints().subList(0, earlier.checkpoints().indexOf(from) + 1));
        return run(history, from.eventsDone(), from.state().resumed(), from.nextTick(), points, checkpoints, asOf);
    }

    /**
     * The same as {@link #replay} of the history {@code earlier} replayed, as of {@code asOf}, which is not before
     * the earlier {@code asOf}: only the clock ticks after it are scored.
     */
    public Replay extend(Replay earlier, Instant asOf) {
        Replay.Checkpoint end = earlier.end();
        if (end == null || asOf.equals(earlier.asOf())) {
            return earlier;
        }
        if (asOf.isBefore(earlier.asOf())) {
            throw new IllegalArgumentException(asOf + " is before " + earlier.asOf() + ": replay up to it instead");
        }
        List<TimelinePoint> points = new ArrayList<>(earlier.points().size() + 16);
        points.addAll(earlier.points());
        ClientState state = end.state().resumed();
        Instant nextTick = ticksUntil(asOf, end.nextTick(), state, points);
        return new Replay(points, earlier.checkpoints(),
                new Replay.Checkpoint(end.eventsDone(), points.size(), nextTick, state), asOf);
    }

    private Replay run(List<ClientEvent> history, int from, ClientState state, Instant firstTick,
                       List<TimelinePoint> points, List<Replay.Checkpoint> checkpoints, Instant asOf) {
        Instant nextTick = firstTick;
        for (int i = from; i < history.size(); i++) {
            ClientEvent event = history.get(i);
            nextTick = ticksUntil(event.occurredAt(), nextTick, state, points);
            points.add(apply(event, state));
            // only the latest checkpoints are kept: earlier ones would cost a copy of the state each for nothing
            if ((i + 1) % Replay.INTERVAL == 0 && history.size() - (i + 1) < Replay.INTERVAL * Replay.KEPT) {
                checkpoints.add(new Replay.Checkpoint(i + 1, points.size(), nextTick, state.snapshot()));
                if (checkpoints.size() > Replay.KEPT) {
                    checkpoints.remove(0);
                }
            }
        }
        nextTick = ticksUntil(asOf, nextTick, state, points);
        return new Replay(points, checkpoints, new Replay.Checkpoint(history.size(), points.size(), nextTick, state),
                asOf);
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
