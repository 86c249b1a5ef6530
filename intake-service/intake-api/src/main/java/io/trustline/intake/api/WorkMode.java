package io.trustline.intake.api;

/**
 * Whether an issue is handled at the client's location or remotely; part of {@link Where}. Serialized as the
 * constant's name.
 *
 * @since v1
 */
public enum WorkMode {

    /**
     * Someone has to be there in person.
     *
     * @since v1
     */
    ON_SITE,

    /**
     * It can be handled remotely.
     *
     * @since v1
     */
    REMOTE
}
