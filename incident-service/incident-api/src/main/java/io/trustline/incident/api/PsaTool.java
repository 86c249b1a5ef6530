package io.trustline.incident.api;

/**
 * The PSA tools an incident's moments can be recorded from, named as the {@link PsaSource} of an event.
 * Serialized as the constant's name.
 *
 * @since v1
 */
public enum PsaTool {

    /**
     * ConnectWise PSA (formerly Manage).
     *
     * @since v1
     */
    CONNECTWISE,

    /**
     * Datto Autotask PSA.
     *
     * @since v1
     */
    AUTOTASK,

    /**
     * HaloPSA.
     *
     * @since v1
     */
    HALO
}
