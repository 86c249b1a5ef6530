package io.trustline.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** The tenant of the current API request, as determined by its API key (never by its body). */
@RequestScoped
public class CurrentTenant {

    private String tenantId;

    void set(String tenantId) {
        this.tenantId = tenantId;
    }

    public String id() {
        if (tenantId == null) {
            throw new IllegalStateException("no authenticated tenant in this request");
        }
        return tenantId;
    }
}
