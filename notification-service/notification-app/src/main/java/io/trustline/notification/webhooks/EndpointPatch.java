package io.trustline.notification.webhooks;

import java.util.List;
import java.util.Set;

/**
 * A merge patch of an endpoint: each setting in {@code given} replaces the current one, a given optional setting
 * (filter, clientIds, description) may be null, which removes it; the others are kept. {@code enabled} is null when
 * the patch does not name it.
 */
record EndpointPatch(Set<EndpointSetting> given, String url, List<String> eventTypes, String filter,
                     List<String> clientIds, String description, Boolean enabled) {

    EndpointPatch {
        given = Set.copyOf(given);
    }

    boolean disables() {
        return Boolean.FALSE.equals(enabled);
    }

    boolean enables() {
        return Boolean.TRUE.equals(enabled);
    }

    EndpointSettings applyTo(EndpointSettings current) {
        return new EndpointSettings(
                given.contains(EndpointSetting.URL) ? url : current.url(),
                given.contains(EndpointSetting.EVENT_TYPES) ? eventTypes : current.eventTypes(),
                given.contains(EndpointSetting.FILTER) ? filter : current.filter(),
                given.contains(EndpointSetting.CLIENT_IDS) ? clientIds : current.clientIds(),
                given.contains(EndpointSetting.DESCRIPTION) ? description : current.description());
    }
}
