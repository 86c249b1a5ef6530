package io.trustline.notification.api;

/**
 * Kafka topics of the notification service.
 *
 * @since v1
 */
public final class NotificationTopics {

    /**
     * Every integration event the notification service publishes, as CloudEvents keyed
     * {@code <tenantId>:<subject>}.
     *
     * @since v1
     */
    public static final String EVENTS = "trustline.notification.v1";

    /**
     * Where a consumer of {@link #EVENTS} parks a record it could not process, for inspection and replay: same
     * key, value and headers, plus {@code trustline_*} headers naming the original topic, partition and offset,
     * the consuming subscriber (every consumer group shares this topic), the attempts and the error.
     *
     * @since v1
     */
    public static final String DEAD_LETTERS = EVENTS + ".dlq";

    private NotificationTopics() {
    }
}
