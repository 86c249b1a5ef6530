package io.trustline.notification.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Counts one group's unapplied events of one tenant as they are read: per type, which clients, the oldest. */
final class UnappliedEventsTally {

    private final Map<String, Long> perType = new HashMap<>();
    private final TreeSet<String> clients = new TreeSet<>();
    private long events;
    private Instant oldest;

    void add(String type, String clientId, Instant time) {
        events++;
        perType.merge(type, 1L, Long::sum);
        if (clientId != null) {
            clients.add(clientId);
        }
        if (time != null && (oldest == null || time.isBefore(oldest))) {
            oldest = time;
        }
    }

    /**
     * @param complete  whether every lagging record of the group was read
     * @param listed    how many client ids to list (alphabetically first)
     * @param measuredAt the instant the age of the oldest is counted to
     */
    OpsLag.UnappliedEvents result(boolean complete, int listed, Instant measuredAt) {
        List<OpsLag.TypeCount> byType = perType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new OpsLag.TypeCount(entry.getKey(), entry.getValue()))
                .toList();
        List<String> clientIds = clients.stream().limit(listed).toList();
        String age = oldest == null ? null : ageOf(oldest, measuredAt).toString();
        return new OpsLag.UnappliedEvents(complete, events, byType, clients.size(), clientIds, oldest, age);
    }

    private static Duration ageOf(Instant time, Instant measuredAt) {
        // an event stamped in the future (a producer's clock ahead) is not older than zero
        Duration age = Duration.between(time, measuredAt).truncatedTo(ChronoUnit.SECONDS);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
