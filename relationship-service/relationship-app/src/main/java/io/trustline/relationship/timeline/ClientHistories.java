package io.trustline.relationship.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recently scored clients' histories in memory, so a new event costs one engine replay instead of reading the
 * client's events back from MongoDB. Least recently used clients go first once the cached events exceed
 * {@code trustline.timeline.cached-events}; the client just scored always stays. An entry is only a hint: the
 * projection checks it against the stored summary before use, because the client may have been scored by another
 * instance since (a partition moved on a rebalance).
 */
@ApplicationScoped
class ClientHistories {

    private final Map<String, ClientHistory> byClient = new LinkedHashMap<>(64, 0.75f, true);
    private final long maxEvents;
    private long events;

    @Inject
    ClientHistories(@ConfigProperty(name = "trustline.timeline.cached-events", defaultValue = "200000") long maxEvents) {
        this.maxEvents = maxEvents;
    }

    synchronized ClientHistory get(String tenantId, String clientId) {
        return byClient.get(key(tenantId, clientId));
    }

    synchronized void put(String tenantId, String clientId, ClientHistory history) {
        ClientHistory replaced = byClient.put(key(tenantId, clientId), history);
        events += history.eventCount() - (replaced == null ? 0 : replaced.eventCount());
        Iterator<ClientHistory> eldestFirst = byClient.values().iterator();
        while (events > maxEvents && byClient.size() > 1) {
            ClientHistory evicted = eldestFirst.next();
            eldestFirst.remove();
            events -= evicted.eventCount();
        }
    }

    synchronized void forget(String tenantId, String clientId) {
        ClientHistory removed = byClient.remove(key(tenantId, clientId));
        if (removed != null) {
            events -= removed.eventCount();
        }
    }

    private static String key(String tenantId, String clientId) {
        return tenantId + "|" + clientId;
    }
}
