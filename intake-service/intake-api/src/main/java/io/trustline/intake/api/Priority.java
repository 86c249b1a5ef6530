package io.trustline.intake.api;

/**
 * The priority of a reported issue, as given when it was reported. Serialized as the constant's name.
 *
 * @since v1
 */
public enum Priority {

    /**
     * Can wait behind other work.
     *
     * @since v1
     */
    LOW,

    /**
     * Normal business priority.
     *
     * @since v1
     */
    MEDIUM,

    /**
     * Needs attention ahead of normal work.
     *
     * @since v1
     */
    HIGH,

    /**
     * The client's business is stopped or at serious risk.
     *
     * @since v1
     */
    CRITICAL
}
