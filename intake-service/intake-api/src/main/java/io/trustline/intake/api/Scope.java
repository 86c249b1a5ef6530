package io.trustline.intake.api;

/**
 * How far an issue reaches among the client's people; part of {@link Who}. Serialized as the constant's
 * name.
 *
 * @since v1
 */
public enum Scope {

    /**
     * A single person.
     *
     * @since v1
     */
    ONE_PERSON,

    /**
     * A team or department.
     *
     * @since v1
     */
    TEAM,

    /**
     * Everyone at one site (an office, a branch).
     *
     * @since v1
     */
    SITE,

    /**
     * Everyone at the client.
     *
     * @since v1
     */
    EVERYONE
}
