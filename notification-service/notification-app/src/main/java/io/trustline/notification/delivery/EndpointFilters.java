package io.trustline.notification.delivery;

import io.cloudevents.CloudEvent;
import io.trustline.notification.filters.ContentFilter;
import io.trustline.notification.filters.FilterVariables;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which of the subscribed endpoints an event goes to: those whose client allow-list (if any) holds the event's
 * subject and whose content filter (if any) is true for it. Each endpoint's filter is compiled once and kept in a
 * bounded cache. A filter that fails on an event (a key missing from {@code data}) counts as no match: the partner
 * asked for events the filter is true for, and it is not; the failure is logged at WARN for that endpoint and event.
 */
@ApplicationScoped
public class EndpointFilters {

    private static final Logger LOG = Logger.getLogger(EndpointFilters.class);

    private final Map<String, ContentFilter> compiled;

    EndpointFilters(@ConfigProperty(name = "trustline.webhooks.filters.cache-size", defaultValue = "10000") int cacheSize) {
        this.compiled = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ContentFilter> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** {@code variables} is computed at most once per event, and only when an endpoint has a filter. */
    public boolean admits(WebhookEndpointDetails endpoint, CloudEvent event, Supplier<Map<String, Object>> variables) {
        if (!endpoint.allowsClient(event.getSubject())) {
            return false;
        }
        if (endpoint.filter() == null) {
            return true;
        }
        try {
            return filterOf(endpoint).matches(variables.get());
        } catch (ContentFilter.FilterFailed failed) {
            LOG.warnf("filter of webhook endpoint %s could not be evaluated on %s %s, so it is not delivered there: %s "
                            + "(guard optional fields with has(data.field))", endpoint.endpointId(), event.getType(),
                    event.getId(), failed.getMessage());
            return false;
        }
    }

    /** The variables of an event, for {@link #admits}. */
    public static Supplier<Map<String, Object>> variablesOf(CloudEvent event) {
        AtomicReference<Map<String, Object>> once = new AtomicReference<>();
        return () -> once.updateAndGet(known -> known != null ? known : FilterVariables.of(event));
    }

    // keyed by endpoint and expression, so an endpoint whose filter changes never runs the old program
    private ContentFilter filterOf(WebhookEndpointDetails endpoint) {
        String key = endpoint.endpointId() + "\n" + endpoint.filter();
        synchronized (compiled) {
            return compiled.computeIfAbsent(key, k -> ContentFilter.compile(endpoint.filter()));
        }
    }
}
