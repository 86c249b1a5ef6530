package io.trustline.incident.api;

/**
 * Kafka topics of the incident service.
 *
 * @since v1
 */
public final class IncidentTopics {

    /**
     * Every integration event the incident service publishes, as CloudEvents keyed {@code <tenantId>:<clientId>}.
     *
     * @since v1
     */
    public static final String EVENTS = "trustline.incident.v1";

    /**
     * Where a consumer of {@link #EVENTS} parks a record it could not process, unchanged, for inspection and
     * replay.
     *
     * @since v1
     */
    public static final String DEAD_LETTERS = EVENTS + ".dlq";

    private IncidentTopics() {
    }
}
