package io.trustline.platform.domain;

/**
 * The one tenant check of a command against the aggregate it addresses. A command handler of an existing
 * aggregate calls it first, with the tenant the aggregate was created for and the command's tenant.
 */
public final class TenantOwnership {

    private TenantOwnership() {
    }

    /**
     * @param ownerTenantId   the tenant the aggregate belongs to
     * @param commandTenantId the tenant that sent the command (from its API key or its CloudEvent)
     * @param resource        what the aggregate is called in answers, e.g. {@code incident}
     * @param id              the aggregate's id
     * @throws NotFoundForTenant when the tenants differ
     */
    public static void requireSameTenant(String ownerTenantId, String commandTenantId, String resource, String id) {
        if (!ownerTenantId.equals(commandTenantId)) {
            throw new NotFoundForTenant(resource, id);
        }
    }
}
