package io.trustline.incident.api;

/**
 * Who brought a service disruption to light, in a {@link ServiceDisruptionAdmitted} (seed 004: trust is built
 * by how a screw-up is handled, and owning it first counts). Serialized as the constant's name.
 *
 * @since v1
 */
public enum Discovery {

    /**
     * The provider told the client before the client noticed.
     *
     * @since v1
     */
    DISCLOSED_BY_PROVIDER,

    /**
     * The client noticed it first and the provider admitted it.
     *
     * @since v1
     */
    DISCOVERED_BY_CLIENT
}
