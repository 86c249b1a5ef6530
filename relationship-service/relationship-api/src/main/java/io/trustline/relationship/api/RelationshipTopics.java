package io.trustline.relationship.api;

/**
 * Kafka topics of the relationship service.
 *
 * @since v1
 */
public final class RelationshipTopics {

    /**
     * Every integration event the relationship service publishes, as CloudEvents keyed
     * {@code <tenantId>:<clientId>}; their types are listed in {@link RelationshipEventTypes}.
     *
     * @since v1
     */
    public static final String EVENTS = "trustline.relationship.v1";

    /**
     * Where a consumer of {@link #EVENTS} parks a record it could not process, for inspection and replay: same
     * key, value and headers, plus {@code trustline_*} headers naming the original topic, partition and offset,
     * the consuming subscriber (every consumer group shares this topic), the attempts and the error.
     *
     * @since v1
     */
    public static final String DEAD_LETTERS = EVENTS + ".dlq";

    private RelationshipTopics() {
    }
}
