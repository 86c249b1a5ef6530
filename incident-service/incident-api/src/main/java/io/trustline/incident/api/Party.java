package io.trustline.incident.api;

/**
 * A side of the relationship, such as who misunderstood in a {@link MiscommunicationRecorded}. Serialized as
 * the constant's name.
 *
 * @since v1
 */
public enum Party {

    /**
     * The client or one of its people.
     *
     * @since v1
     */
    CLIENT,

    /**
     * The provider (MSP) or one of its people.
     *
     * @since v1
     */
    PROVIDER,

    /**
     * Each side understood the other differently.
     *
     * @since v1
     */
    BOTH
}
