package io.trustline.notification.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where an endpoint's deliveries go and which events they are: {@code filter}, {@code clientIds} and
 * {@code description} are null when it has none.
 */
record EndpointSettings(String url, List<String> eventTypes, String filter, List<String> clientIds, String description) {

    Object valueOf(EndpointSetting setting) {
        return switch (setting) {
            case URL -> url;
            case EVENT_TYPES -> eventTypes;
            case FILTER -> filter;
            case CLIENT_IDS -> clientIds;
            case DESCRIPTION -> description;
        };
    }

    /** The settings whose value differs in {@code next}, in {@link EndpointSetting} order. */
    List<EndpointSetting> changedIn(EndpointSettings next) {
        return Arrays.stream(EndpointSetting.values())
                .filter(setting -> !Objects.equals(valueOf(setting), next.valueOf(setting)))
                .toList();
    }
}
