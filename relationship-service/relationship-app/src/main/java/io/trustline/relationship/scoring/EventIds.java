package io.trustline.relationship.scoring;

import java.util.HashSet;
import java.util.Set;

/**
 * The event ids of one version of a history. Versions share a set of older ids and each copies only the few added
 * since, which are merged into a new shared set every {@value #MERGE_AT}: adding an id to a long history costs
 * little, and no version ever sees an id added by another. Immutable.
 */
final class EventIds {

    private static final int MERGE_AT = 1024;

    private final Set<String> shared;
    private final Set<String> recent;

    private EventIds(Set<String> shared, Set<String> recent) {
        this.shared = shared;
        this.recent = recent;
    }

    static EventIds of(Iterable<? extends ClientEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.eventId()));
        return new EventIds(ids, Set.of());
    }

    boolean contains(String eventId) {
        return recent.contains(eventId) || shared.contains(eventId);
    }

    EventIds plus(String eventId) {
        if (recent.size() >= MERGE_AT) {
            Set<String> merged = new HashSet<>(shared);
            merged.addAll(recent);
            merged.add(eventId);
            return new EventIds(merged, Set.of());
        }
        Set<String> more = new HashSet<>(recent);
        more.add(eventId);
        return new EventIds(shared, more);
    }
}
