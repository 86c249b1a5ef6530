package io.trustline.ordering.order;

import io.trustline.billing.api.InvoiceSent;
import io.trustline.ordering.order.OrderCommand.CancelOrder;
import io.trustline.ordering.order.OrderCommand.PlaceOrder;
import io.trustline.platform.domain.TenantOwnership;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** Fixture: an aggregate keeping every rule. */
public class Order {

    @AggregateIdentifier
    private String orderId;
    private String tenantId;
    private boolean invoiced;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(PlaceOrder command) {
        orderId = command.orderId();
        tenantId = command.tenantId();
    }

    @CommandHandler
    void handle(CancelOrder command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "order", command.orderId());
        orderId = null;
    }

    void on(InvoiceSent event) {
        invoiced = event.orderId().equals(orderId);
    }
}
