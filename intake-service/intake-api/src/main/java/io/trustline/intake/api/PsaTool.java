package io.trustline.intake.api;

/**
 * The PSA tools a ticket can be linked from with {@link PsaTicketLinked}. Serialized as the constant's name.
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
