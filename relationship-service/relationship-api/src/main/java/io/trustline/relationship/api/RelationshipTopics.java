package io.trustline.relationship.api;

/**
 * Kafka topics of the relationship service.
 *
 * @since v1
 */
public final class RelationshipTopics {

    /**
     * Every integration event the relationship service publishes, as CloudEvents keyed
     * {@code <tenantId>:<clientId>}. Nothing is published on it yet.
     *
     * @since v1
     */
    public static final String EVENTS = "trustline.relationship.v1";

    /**
     * Where a consumer of {@link #EVENTS} parks a record it could not process, unchanged, for inspection and
     * replay.
     *
     * @since v1
     */
    public static final String DEAD_LETTERS = EVENTS + ".dlq";

    private RelationshipTopics() {
    }
}
