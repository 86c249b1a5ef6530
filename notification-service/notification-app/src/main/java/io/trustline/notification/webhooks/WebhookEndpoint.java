package io.trustline.notification.webhooks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.platform.domain.TenantOwnership;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RotateWebhookEndpointSecret;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointSecretRotated;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

/** A partner URL receiving a tenant's events of chosen types, signed with the endpoint's secret, until it is disabled. */
public class WebhookEndpoint {

    private static final String RESOURCE = "webhook endpoint";

    @AggregateIdentifier
    private String endpointId;
    private String tenantId;
    private boolean disabled;
    /** Null for an endpoint registered before deliveries were signed, until its first rotation. */
    private String sealedSecret;
    @AggregateMember
    private final IdempotencyLedger ledger = new IdempotencyLedger();

    protected WebhookEndpoint() {
        // for Axon's event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RegisterWebhookEndpoint command) {
        apply(new WebhookEndpointRegistered(command.endpointId(), command.tenantId(), command.url(),
                command.eventTypes(), command.registeredAt(), command.sealedSecret(), command.filter(),
                command.clientIds(), command.backfillFrom()));
    }

    @CommandHandlerInterceptor
    Object answerARetry(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof RotateWebhookEndpointSecret command
                && IdempotentCommands.key(message.getMetaData()) != null) {
            // before the ledger: another tenant's key must not learn that this endpoint exists
            TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
            Optional<IdempotentCommands.Replayed> first = ledger.replay(message.getMetaData(), RESOURCE, endpointId);
            if (first.isPresent()) {
                return first.get();
            }
        }
        return chain.proceed();
    }

    @CommandHandler
    WebhookEndpointSecretRotated handle(RotateWebhookEndpointSecret command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
        WebhookEndpointSecretRotated rotated = new WebhookEndpointSecretRotated(endpointId, tenantId,
                command.sealedSecret(), sealedSecret, sealedSecret == null ? null : command.previousValidUntil(),
                command.rotatedAt());
        apply(rotated);
        return rotated;
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
        this.sealedSecret = event.sealedSecret();
    }

    @EventSourcingHandler
    void on(WebhookEndpointSecretRotated event) {
        this.sealedSecret = event.sealedSecret();
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabled event) {
        this.disabled = true;
    }
}
