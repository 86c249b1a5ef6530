package io.trustline.ordering.violations;

import io.trustline.billing.invoice.InvoiceLedger;

/** Fixture: uses another service's implementation instead of its api. */
public class ReadsBillingsInternals {

    long outstanding(InvoiceLedger ledger, String orderId) {
        return ledger.balanceCents(orderId);
    }
}
