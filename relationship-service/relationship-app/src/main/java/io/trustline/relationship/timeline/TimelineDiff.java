package io.trustline.relationship.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a recomputed timeline changes in the stored one. Points before the first difference (the place of a late
 * event) are left alone; from there on, a point is written when its position is new or its content changed, and a
 * stored position the new timeline no longer has is deleted.
 *
 * @param firstChange the index in {@code after} from which points may differ ({@code after.size()} when none do)
 * @param upserts     the points of {@code after} to write, in timeline order
 * @param deleted     the positions to delete
 */
record TimelineDiff<P>(int firstChange, List<P> upserts, List<String> deleted) {

    static <P> TimelineDiff<P> between(List<P> before, List<P> after, Function<P, String> position) {
        int first = 0;
        int common = Math.min(before.size(), after.size());
        while (first < common && sameOrEqual(before.get(first), after.get(first))) {
            first++;
        }
        Map<String, P> stored = new HashMap<>();
        for (P point : before.subList(first, before.size())) {
            stored.put(position.apply(point), point);
        }
        List<P> upserts = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (P point : after.subList(first, after.size())) {
            String at = position.apply(point);
            kept.add(at);
            if (!Objects.equals(stored.get(at), point)) {
                upserts.add(point);
            }
        }
        List<String> deleted = stored.keySet().stream().filter(at -> !kept.contains(at)).sorted().toList();
        return new TimelineDiff<>(first, upserts, deleted);
    }

    /** A resumed replay hands the unchanged points over as the same instances: no need to compare them. */
    private static boolean sameOrEqual(Object before, Object after) {
        return before == after || before.equals(after);
    }

    boolean isEmpty() {
        return upserts.isEmpty() && deleted.isEmpty();
    }
}
