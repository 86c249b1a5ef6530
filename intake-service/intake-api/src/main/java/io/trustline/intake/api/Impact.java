package io.trustline.intake.api;

/**
 * How badly an issue hits the affected work; part of {@link What}. Serialized as the constant's name.
 *
 * @since v1
 */
public enum Impact {

    /**
     * Work is disrupted now and then; it mostly goes on.
     *
     * @since v1
     */
    INTERMITTENT,

    /**
     * Work goes on, but slower or with workarounds.
     *
     * @since v1
     */
    DEGRADED,

    /**
     * The affected work cannot be done at all.
     *
     * @since v1
     */
    STOPPED
}
