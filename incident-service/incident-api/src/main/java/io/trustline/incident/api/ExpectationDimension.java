package io.trustline.incident.api;

/**
 * A part of the client's expectation an {@link ExpectationMissed} says was not met. Serialized as the constant's
 * name.
 *
 * @since v1
 */
public enum ExpectationDimension {

    /**
     * WHEN: the issue was not resolved by the expectation's {@code resolveBy}.
     *
     * @since v1
     */
    WHEN,

    /**
     * HOW: the client judged that the resolution does not meet their criteria (what "resolved" means to them).
     *
     * @since v1
     */
    HOW
}
