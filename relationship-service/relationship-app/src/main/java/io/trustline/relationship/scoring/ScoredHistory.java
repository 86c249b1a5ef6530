package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.rules.Replay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One client's events in canonical order, scored by one engine, ready for the next event: {@link #with} resumes the
 * replay from the state saved just before the place the event lands, so a client with 50 000 events takes one more
 * for the cost of the few dozen after that place (a late event further back costs more, up to a full replay), and
 * {@link #timelineAsOf} a later instant adds only the clock ticks since. Every timeline it answers is the one
 * {@link ScoringEngine#timelineAsOf} computes from the same events. Immutable; safe to share between threads.
 */
public final class ScoredHistory {

    private final ScoringEngine engine;
    private final List<ClientEvent> events;
    private final EventIds ids;
    private final Replay replay;
    private final Timeline timeline;

    private ScoredHistory(ScoringEngine engine, List<ClientEvent> events, EventIds ids, Replay replay) {
        this.engine = engine;
        this.events = events;
        this.ids = ids;
        this.replay = replay;
        this.timeline = engine.timeline(replay, latest(events));
    }

    static ScoredHistory of(ScoringEngine engine, List<ClientEvent> canonicalHistory) {
        List<ClientEvent> events = Collections.unmodifiableList(canonicalHistory);
        return new ScoredHistory(engine, events, EventIds.of(events),
                engine.rules().replay(events, latest(events)));
    }

    /** This history with one more event; itself when the event's id is already in it. */
    public ScoredHistory with(ClientEvent event) {
        if (ids.contains(event.eventId())) {
            return this;
        }
        int found = Collections.binarySearch(events, event, ScoringEngine.CANONICAL_ORDER);
        int at = found < 0 ? -found - 1 : found;
        List<ClientEvent> more = new ArrayList<>(events.size() + 1);
        more.addAll(events);
        more.add(at, event);
        List<ClientEvent> history = Collections.unmodifiableList(more);
        return new ScoredHistory(engine, history, ids.plus(event.eventId()),
                engine.rules().resume(replay, history, at, latest(history)));
    }

    /**
     * The timeline as it stood at {@code asOf}. From the latest event on, the saved end state only adds the clock
     * ticks since; before it, the events up to {@code asOf} are replayed.
     */
    public Timeline timelineAsOf(Instant asOf) {
        Instant latest = latest(events);
        if (latest == null || asOf.isBefore(latest)) {
            return engine.timelineAsOf(events, asOf);
        }
        return engine.timeline(engine.rules().extend(replay, asOf), asOf);
    }

    /** The timeline up to the latest event. */
    public Timeline timeline() {
        return timeline;
    }

    /** The events in canonical order. */
    public List<ClientEvent> events() {
        return events;
    }

    public boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    public int eventCount() {
        return events.size();
    }

    public ScoringEngine engine() {
        return engine;
    }

    private static Instant latest(List<ClientEvent> canonicalHistory) {
        return canonicalHistory.isEmpty() ? null : canonicalHistory.get(canonicalHistory.size() - 1).occurredAt();
    }
}
