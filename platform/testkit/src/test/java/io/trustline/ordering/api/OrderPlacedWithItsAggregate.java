package io.trustline.ordering.api;

import io.trustline.ordering.order.Order;

/** Fixture: a published event that drags the app's aggregate into the contract. */
public record OrderPlacedWithItsAggregate(Order order) {
}
