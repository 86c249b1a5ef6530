package io.trustline.ordering.violations;

import io.trustline.ordering.order.OrderCommand.CancelOrder;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;

/** Fixture: a resource that checks the tenant itself, a second check beside the aggregate's. */
@Path("/orders")
public class ResourceComparingTenants {

    CurrentTenant tenant;

    @DELETE
    public CancelOrder cancel(CancelOrder command) {
        if (!command.tenantId().equals(tenant.id())) {
            throw new IllegalArgumentException("not yours");
        }
        return command;
    }
}
