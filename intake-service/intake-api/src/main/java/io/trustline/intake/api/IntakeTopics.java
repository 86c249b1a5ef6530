package io.trustline.intake.api;

/**
 * Kafka topics of the intake service.
 *
 * @since v1
 */
public final class IntakeTopics {

    /**
     * Every integration event the intake service publishes, as CloudEvents keyed {@code <tenantId>:<clientId>}.
     *
     * @since v1
     */
    public static final String EVENTS = "trustline.intake.v1";

    /**
     * Where a consumer of {@link #EVENTS} parks a record it could not process, unchanged, for inspection and
     * replay.
     *
     * @since v1
     */
    public static final String DEAD_LETTERS = EVENTS + ".dlq";

    private IntakeTopics() {
    }
}
