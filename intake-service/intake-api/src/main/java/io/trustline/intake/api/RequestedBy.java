package io.trustline.intake.api;

/**
 * Which side asked for an {@link ExpectationRevised}. Serialized as the constant's name.
 *
 * @since v1
 */
public enum RequestedBy {

    /**
     * The client changed what they expect (their payroll run moved, more people are affected, ...).
     *
     * @since v1
     */
    CLIENT,

    /**
     * The provider asked the client to accept a different expectation (more time, a remote fix instead of a visit).
     *
     * @since v1
     */
    PROVIDER
}
