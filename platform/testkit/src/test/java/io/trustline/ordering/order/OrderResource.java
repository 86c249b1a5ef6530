package io.trustline.ordering.order;

import io.trustline.ordering.order.OrderCommand.CancelOrder;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Fixture: a resource that takes the tenant from CurrentTenant only. */
@Path("/orders")
public class OrderResource {

    CurrentTenant tenant;

    @DELETE
    @Path("/{orderId}")
    public CancelOrder cancel(@PathParam("orderId") String orderId) {
        return new CancelOrder(orderId, tenant.id());
    }
}
