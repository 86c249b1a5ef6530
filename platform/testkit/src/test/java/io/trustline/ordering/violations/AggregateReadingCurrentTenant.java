package io.trustline.ordering.violations;

import io.trustline.platform.tenancy.CurrentTenant;
import org.axonframework.modelling.command.AggregateIdentifier;

/** Fixture: an aggregate taking the tenant from the request instead of the command. */
public class AggregateReadingCurrentTenant {

    @AggregateIdentifier
    private String orderId;
    private String tenantId;

    void place(String orderId, CurrentTenant tenant) {
        this.orderId = orderId;
        this.tenantId = tenant.id();
    }
}
