/**
 * The integration events the notification service publishes on
 * {@value io.trustline.notification.api.NotificationTopics#EVENTS}: partners' webhook endpoints
 * ({@link io.trustline.notification.api.WebhookEndpointRegistered},
 * {@link io.trustline.notification.api.WebhookEndpointUpdated}, {@link io.trustline.notification.api.WebhookEndpointDisabled},
 * {@link io.trustline.notification.api.WebhookEndpointEnabled}, {@link io.trustline.notification.api.WebhookEndpointSecretRotated},
 * {@link io.trustline.notification.api.WebhookEndpointDeleted})
 * and each attempt to deliver an event to one ({@link io.trustline.notification.api.WebhookDelivered},
 * {@link io.trustline.notification.api.WebhookDeliveryFailed}).
 *
 * <p>Each record is the JSON {@code data} of a CloudEvent (specversion 1.0) whose {@code type} is one of
 * {@link io.trustline.notification.api.NotificationEventTypes}, {@code source} is
 * {@code /trustline/notification} and extension {@code tenantid} the tenant id. The CloudEvent
 * {@code subject}, and with the tenant the Kafka record key {@code <tenantId>:<subject>}, is the client id
 * for events about a client; each event's Javadoc says when it is something else (a webhook endpoint's id).
 *
 * <p>JSON rules, for producers and consumers alike: timestamps are ISO-8601 UTC strings; absent optional
 * fields are omitted rather than written as {@code null}; unknown fields are ignored when reading, so a new
 * optional field is an additive change. Removing or renaming a field, making an optional field required,
 * changing a unit or adding an enum constant is a breaking change and ships as a new {@code .v2} type.
 * Golden JSON files of every event live in this module's tests.
 *
 * <p>Events check their own invariants when constructed, and so when read: a missing required component
 * fails with a {@link java.lang.NullPointerException} naming it, an out-of-range value (an empty list that
 * must hold at least one element, for example) with an {@link java.lang.IllegalArgumentException}. Optional
 * lists are never null: absent reads as empty. Lists are unmodifiable copies.
 *
 * <p>This package depends on nothing but the JDK and Jackson annotations.
 *
 * @since v1
 */
package io.trustline.notification.api;
