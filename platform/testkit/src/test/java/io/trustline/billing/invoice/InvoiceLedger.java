package io.trustline.billing.invoice;

/** Fixture: a made-up service's implementation, which no other service may use. */
public class InvoiceLedger {

    public long balanceCents(String orderId) {
        return 0;
    }
}
