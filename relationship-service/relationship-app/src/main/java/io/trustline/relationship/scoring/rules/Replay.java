package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.TimelinePoint;
import java.time.Instant;
import java.util.List;

/**
 * The points of one replayed history, and where a replay of a changed history may start instead of the beginning:
 * the state after every {@value #INTERVAL}th event (the latest {@value #KEPT} of them), and after the last event
 * and the ticks up to {@code asOf}. So one more event near the end of a long history costs the events after the
 * checkpoint before it, not the whole history. Immutable.
 */
public final class Replay {

    static final int INTERVAL = 64;
    static final int KEPT = 16;
    static final Replay NONE = new Replay(List.of(), List.of(), null, null);

    private final List<TimelinePoint> points;
    private final List<Checkpoint> checkpoints;
    private final Checkpoint end;
    private final Instant asOf;

    Replay(List<TimelinePoint> points, List<Checkpoint> checkpoints, Checkpoint end, Instant asOf) {
        this.points = List.copyOf(points);
        this.checkpoints = List.copyOf(checkpoints);
        this.end = end;
        this.asOf = asOf;
    }

    public List<TimelinePoint> points() {
        return points;
    }

    List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** The latest checkpoint after at most {@code events} events, or null when a replay must start over. */
    Checkpoint latestWithin(int events) {
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            if (checkpoints.get(i).eventsDone() <= events) {
                return checkpoints.get(i);
            }
        }
        return null;
    }

    /** The state after every event and tick up to {@code asOf}; null for an empty history. */
    Checkpoint end() {
        return end;
    }

    Instant asOf() {
        return asOf;
    }

    /**
     * The state after the first {@code eventsDone} events of the history, the points they made and the next clock
     * tick due. The state is a snapshot: never changed, only {@linkplain ClientState#resumed resumed}.
     */
    record Checkpoint(int eventsDone, int pointsDone, Instant nextTick, ClientState state) {
    }
}
