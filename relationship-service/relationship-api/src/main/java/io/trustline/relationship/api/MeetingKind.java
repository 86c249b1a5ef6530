package io.trustline.relationship.api;

/**
 * What a {@link MeetingHeld} was for. Serialized as the constant's name.
 *
 * @since v1
 */
public enum MeetingKind {

    /**
     * The regular review of how things stand, ideally monthly and face to face (seed 002).
     *
     * @since v1
     */
    MONTHLY_REVIEW,

    /**
     * A quarterly business review: the provider's service against the client's business plans.
     *
     * @since v1
     */
    QBR,

    /**
     * Getting a new client, or new people at the client, started with the provider.
     *
     * @since v1
     */
    ONBOARDING,

    /**
     * Any other meeting with the client.
     *
     * @since v1
     */
    OTHER
}
