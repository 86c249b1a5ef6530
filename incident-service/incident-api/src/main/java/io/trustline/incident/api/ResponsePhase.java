package io.trustline.incident.api;

/**
 * Which response target a {@link ResponseTargetMissed} names. Serialized as the constant's name.
 *
 * @since v1
 */
public enum ResponsePhase {

    /**
     * The issue was to be acknowledged to the client by {@link ResponseTargetsSet#acknowledgeBy()}.
     *
     * @since v1
     */
    ACKNOWLEDGE,

    /**
     * An action plan was to be issued by {@link ResponseTargetsSet#planBy()}.
     *
     * @since v1
     */
    PLAN
}
