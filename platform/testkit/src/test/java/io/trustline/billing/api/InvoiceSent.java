package io.trustline.billing.api;

/** Fixture: a made-up service's published event, which other services may use. */
public record InvoiceSent(String orderId, long amountCents) {
}
