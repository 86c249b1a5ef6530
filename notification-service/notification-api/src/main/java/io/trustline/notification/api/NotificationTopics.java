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
     * Where a consumer of {@link #EVENTS} parks a record it could not process, unchanged, for inspection and
     * replay.
     *
     * @since v1
     */
    public static final String DEAD_LETTERS = EVENTS + ".dlq";

    private NotificationTopics() {
    }
}
