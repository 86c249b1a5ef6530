package io.trustline.ordering.violations;

import io.trustline.ordering.order.OrderCommand.CancelOrder;
import io.trustline.ordering.order.OrderCommand.PlaceOrder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** Fixture: handlers that may find an existing aggregate and never check whose it is. */
public class AggregateNotCheckingTheTenant {

    @AggregateIdentifier
    private String orderId;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlaceOrder command) {
        orderId = command.orderId();
    }

    @CommandHandler
    void handle(CancelOrder command) {
        orderId = null;
    }
}
