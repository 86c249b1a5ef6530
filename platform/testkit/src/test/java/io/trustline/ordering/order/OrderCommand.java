package io.trustline.ordering.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fixture: commands carrying the tenant that sent them. */
public sealed interface OrderCommand {

    record PlaceOrder(@TargetAggregateIdentifier String orderId, String tenantId) implements OrderCommand {
    }

    record CancelOrder(@TargetAggregateIdentifier String orderId, String tenantId) implements OrderCommand {
    }
}
