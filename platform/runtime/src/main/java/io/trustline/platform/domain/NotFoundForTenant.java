package io.trustline.platform.domain;

/**
 * A command named an aggregate its tenant cannot see. Carries the same words as an unknown id, so an
 * answer never reveals that another tenant's aggregate exists; the platform answers it with 404.
 * Only {@link TenantOwnership} throws it.
 */
public final class NotFoundForTenant extends RuntimeException {

    NotFoundForTenant(String resource, String id) {
        super("No " + resource + " with id '" + id + "'.");
    }
}
