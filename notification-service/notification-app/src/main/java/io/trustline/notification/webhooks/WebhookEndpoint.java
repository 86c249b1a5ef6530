package io.trustline.notification.webhooks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** A partner URL receiving a tenant's events of chosen types. Signing and replay come with their own issue. */
public class WebhookEndpoint {

    @AggregateIdentifier
    private String endpointId;

    protected WebhookEndpoint() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RegisterWebhookEndpoint command) {
        apply(new WebhookEndpointRegistered(command.endpointId(), command.tenantId(), command.url(),
                command.eventTypes(), command.registeredAt()));
    }

    @EventSourcingHandler
    void on(WebhookEndpointRegistered event) {
        this.endpointId = event.endpointId();
    }
}
