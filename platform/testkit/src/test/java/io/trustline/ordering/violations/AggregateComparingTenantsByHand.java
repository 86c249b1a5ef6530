package io.trustline.ordering.violations;

import io.trustline.ordering.order.OrderCommand.CancelOrder;
import io.trustline.platform.domain.TenantOwnership;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** Fixture: calls the helper, then adds a tenant comparison of its own. */
public class AggregateComparingTenantsByHand {

    @AggregateIdentifier
    private String orderId;
    private String tenantId;

    @CommandHandler
    void handle(CancelOrder command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "order", orderId);
        if (!tenantId.equals(command.tenantId())) {
            throw new IllegalStateException("order " + orderId + " belongs to " + tenantId);
        }
    }
}
