package io.trustline.notification.webhooks;

/** The settings of an endpoint its tenant can change, named as the API and the events name them. */
public enum EndpointSetting {
    URL("url"),
    EVENT_TYPES("eventTypes"),
    FILTER("filter"),
    CLIENT_IDS("clientIds"),
    DESCRIPTION("description");

    private final String jsonName;

    EndpointSetting(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
