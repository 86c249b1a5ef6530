package io.trustline.incident.api;

/**
 * How the provider and the client spoke about an incident: the channel of a {@link ProactiveUpdateSent} or of
 * a {@link ClientChasedUpdate}. Serialized as the constant's name.
 *
 * @since v1
 */
public enum Channel {

    /**
     * An email.
     *
     * @since v1
     */
    EMAIL,

    /**
     * A phone call, including a voicemail left.
     *
     * @since v1
     */
    PHONE,

    /**
     * The provider's client portal.
     *
     * @since v1
     */
    PORTAL,

    /**
     * Face to face, on site or at the provider's office.
     *
     * @since v1
     */
    IN_PERSON,

    /**
     * A customer-facing note on the ticket in the provider's PSA tool.
     *
     * @since v1
     */
    PSA_NOTE
}
