package io.trustline.notification.api;

/**
 * CloudEvent {@code type} values of the events on {@value NotificationTopics#EVENTS}, one per event record,
 * shaped {@code io.trustline.notification.<EventName>.v<version>}.
 *
 * @since v1
 */
public final class NotificationEventTypes {

    /**
     * Type of {@link WebhookEndpointRegistered}.
     *
     * @since v1
     */
    public static final String WEBHOOK_ENDPOINT_REGISTERED = "io.trustline.notification.WebhookEndpointRegistered.v1";

    /**
     * Type of {@link WebhookEndpointDisabled}.
     *
     * @since v1
     */
    public static final String WEBHOOK_ENDPOINT_DISABLED = "io.trustline.notification.WebhookEndpointDisabled.v1";

    /**
     * Type of {@link WebhookDelivered}.
     *
     * @since v1
     */
    public static final String WEBHOOK_DELIVERED = "io.trustline.notification.WebhookDelivered.v1";

    /**
     * Type of {@link WebhookDeliveryFailed}.
     *
     * @since v1
     */
    public static final String WEBHOOK_DELIVERY_FAILED = "io.trustline.notification.WebhookDeliveryFailed.v1";

    /**
     * Type of {@link WebhookEndpointSecretRotated}.
     *
     * @since v1
     */
    public static final String WEBHOOK_ENDPOINT_SECRET_ROTATED = "io.trustline.notification.WebhookEndpointSecretRotated.v1";

    /**
     * Type of {@link WebhookEndpointUpdated}.
     *
     * @since v1
     */
    public static final String WEBHOOK_ENDPOINT_UPDATED = "io.trustline.notification.WebhookEndpointUpdated.v1";

    /**
     * Type of {@link WebhookEndpointEnabled}.
     *
     * @since v1
     */
    public static final String WEBHOOK_ENDPOINT_ENABLED = "io.trustline.notification.WebhookEndpointEnabled.v1";

    /**
     * Type of {@link WebhookEndpointDeleted}.
     *
     * @since v1
     */
    public static final String WEBHOOK_ENDPOINT_DELETED = "io.trustline.notification.WebhookEndpointDeleted.v1";

    private NotificationEventTypes() {
    }
}
