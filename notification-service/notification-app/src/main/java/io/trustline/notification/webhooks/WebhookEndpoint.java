package io.trustline.notification.webhooks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.platform.domain.TenantOwnership;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A partner URL receiving a tenant's events of chosen types, until it is disabled. */
public class WebhookEndpoint {

    @AggregateIdentifier
    private String endpointId;
    private String tenantId;
    private boolean disabled;

    protected WebhookEndpoint() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RegisterWebhookEndpoint command) {
        apply(new WebhookEndpointRegistered(command.endpointId(), command.tenantId(), command.url(),
                command.eventTypes(), command.registeredAt()));
    }

    @CommandHandler
    void handle(DisableWebhookEndpoint command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), "webhook endpoint", endpointId);
        if (disabled) {
            return;
        }
        apply(new WebhookEndpointDisabled(endpointId, command.tenantId(), command.reason(), command.detail(),
                command.disabledAt()));
    }

    @EventSourcingHandler
    void on(WebhookEndpointRegistered event) {
        this.endpointId = event.endpointId();
        this.tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabled event) {
        this.disabled = true;
    }
}
