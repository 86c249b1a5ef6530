package io.trustline.notification.streams;

import io.cloudevents.CloudEvent;
import io.trustline.notification.filters.ContentFilter;
import io.trustline.notification.filters.FilterVariables;
import io.trustline.platform.relay.CloudEventRecords;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Which events a stream sends: those of its tenant (the {@code tenantid} extension) whose type, subject (the client id)
 * and source are among the ones asked for, when asked, and for which the CEL filter, if any, is true. An empty set
 * asks for every value.
 */
final class StreamSelection {

    private static final Logger LOG = Logger.getLogger(StreamSelection.class);

    private final String tenant;
    private final Set<String> types;
    private final Set<String> clientIds;
    private final Set<String> sources;
    private final ContentFilter filter;
    private boolean filterFailureLogged;

    StreamSelection(String tenant, Set<String> types, Set<String> clientIds, Set<String> sources, ContentFilter filter) {
        this.tenant = Objects.requireNonNull(tenant);
        this.types = Set.copyOf(types);
        this.clientIds = Set.copyOf(clientIds);
        this.sources = Set.copyOf(sources);
        this.filter = filter;
    }

    String tenant() {
        return tenant;
    }

    /**
     * A filter that cannot be evaluated on an event (a key missing from {@code data}) does not admit it, as for
     * webhooks; the first such failure of a stream is logged at WARN, the rest at DEBUG, since one stream sees many.
     */
    boolean admits(CloudEvent event) {
        if (!tenant.equals(String.valueOf(event.getExtension(CloudEventRecords.TENANT_EXTENSION)))
                || !admitted(types, event.getType()) || !admitted(clientIds, event.getSubject())
                || !admitted(sources, event.getSource() == null ? null : event.getSource().toString())) {
            return false;
        }
        if (filter == null) {
            return true;
        }
        try {
            return filter.matches(FilterVariables.of(event));
        } catch (RuntimeException failed) {
            if (filterFailureLogged) {
                LOG.debugf("stream filter could not be evaluated on %s %s: %s", event.getType(), event.getId(),
                        failed.getMessage());
            } else {
                filterFailureLogged = true;
                LOG.warnf("stream filter could not be evaluated on %s %s, so it is not sent: %s (guard optional fields "
                        + "with has(data.field); later failures of this stream are logged at DEBUG)", event.getType(),
                        event.getId(), failed.getMessage());
            }
            return false;
        }
    }

    private static boolean admitted(Set<String> asked, String value) {
        return asked.isEmpty() || (value != null && asked.contains(value));
    }
}
