package io.trustline.notification.webhooks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.notification.webhooks.WebhookEndpointCommand.ChangeWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.DeleteWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RegisterWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RotateWebhookEndpointSecret;
import io.trustline.notification.webhooks.WebhookEndpointEvent.DisabledReason;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDeleted;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointEnabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointSecretRotated;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointUpdated;
import io.trustline.platform.command.IdempotencyLedger;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.TenantOwnership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A partner URL receiving a tenant's events of chosen types, signed with the endpoint's secret; its tenant changes
 * its settings, disables and enables it, and deletes it; delivery disables it when it answers 410 Gone or keeps
 * failing.
 */
public class WebhookEndpoint {

    private static final String RESOURCE = "webhook endpoint";
    private static final String DISABLED_BY_TENANT = "disabled by the tenant";

    @AggregateIdentifier
    private String endpointId;
    private String tenantId;
    private EndpointSettings settings;
    private Instant registeredAt;
    /** As registered, null without a backfill; only shown, a patch cannot change it. */
    private Instant backfillFrom;
    /** Both null while enabled. */
    private Instant disabledAt;
    private DisabledReason disabledReason;
    private boolean deleted;
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
                command.clientIds(), command.description(), command.backfillFrom()));
    }

    /**
     * A keyed command seen before is answered from the ledger: a rotation with its first secret, a deletion with
     * itself, a change with the endpoint as it is now (a caller retrying a PATCH asks where the endpoint stands).
     */
    @CommandHandlerInterceptor
    Object answerARetry(CommandMessage<?> message, InterceptorChain chain) throws Exception {
        if (message.getPayload() instanceof WebhookEndpointCommand command && !(command instanceof RegisterWebhookEndpoint)
                && IdempotentCommands.key(message.getMetaData()) != null) {
            // before the ledger: another tenant's key must not learn that this endpoint exists
            TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
            Optional<IdempotentCommands.Replayed> first = ledger.replay(message.getMetaData(), RESOURCE, endpointId);
            if (first.isPresent()) {
                if (command instanceof DeleteWebhookEndpoint) {
                    return first.get();
                }
                requireNotDeleted();
                return command instanceof ChangeWebhookEndpoint ? new IdempotentCommands.Replayed(details()) : first.get();
            }
        }
        return chain.proceed();
    }

    @CommandHandler
    WebhookEndpointSecretRotated handle(RotateWebhookEndpointSecret command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
        requireNotDeleted();
        WebhookEndpointSecretRotated rotated = new WebhookEndpointSecretRotated(endpointId, tenantId,
                command.sealedSecret(), sealedSecret, sealedSecret == null ? null : command.previousValidUntil(),
                command.rotatedAt());
        apply(rotated);
        return rotated;
    }

    @CommandHandler
    void handle(DisableWebhookEndpoint command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
        if (disabledAt != null || deleted) {
            return;
        }
        apply(new WebhookEndpointDisabled(endpointId, command.tenantId(), command.reason(), command.detail(),
                command.disabledAt()));
    }

    /**
     * Stores the new settings if any differ, then the disabling or enabling if {@code enabled} changes; a patch that
     * changes nothing stores nothing. Enabling ends any disabling, the service's included (410 Gone, failing too long).
     */
    @CommandHandler
    WebhookEndpointDetails handle(ChangeWebhookEndpoint command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
        requireNotDeleted();
        EndpointSettings next = command.patch().applyTo(settings);
        List<EndpointSetting> changed = settings.changedIn(next);
        if (!changed.isEmpty()) {
            apply(new WebhookEndpointUpdated(endpointId, tenantId, next.url(), next.eventTypes(), next.filter(),
                    next.clientIds(), next.description(), changed.stream().map(EndpointSetting::jsonName).toList(),
                    command.changedAt()));
        }
        if (command.patch().disables() && disabledAt == null) {
            apply(new WebhookEndpointDisabled(endpointId, tenantId, DisabledReason.DISABLED_BY_TENANT, DISABLED_BY_TENANT,
                    command.changedAt()));
        } else if (command.patch().enables() && disabledAt != null) {
            apply(new WebhookEndpointEnabled(endpointId, tenantId, disabledReason, command.changedAt()));
        }
        return details();
    }

    @CommandHandler
    void handle(DeleteWebhookEndpoint command) {
        TenantOwnership.requireSameTenant(tenantId, command.tenantId(), RESOURCE, endpointId);
        requireNotDeleted();
        apply(new WebhookEndpointDeleted(endpointId, tenantId, command.deletedAt()));
    }

    // kept rather than Axon's markDeleted(), which would refuse to load the endpoint, so that a deletion retried with
    // its Idempotency-Key can still be answered from the ledger
    private void requireNotDeleted() {
        if (deleted) {
            throw new AggregateDeletedException(endpointId, "No " + RESOURCE + " with id '" + endpointId + "'.");
        }
    }

    private WebhookEndpointDetails details() {
        return new WebhookEndpointDetails(endpointId, settings.url(), settings.eventTypes(), settings.filter(),
                settings.clientIds(), settings.description(), registeredAt, disabledAt, disabledReason, backfillFrom);
    }

    @EventSourcingHandler
    void on(WebhookEndpointRegistered event) {
        this.endpointId = event.endpointId();
        this.tenantId = event.tenantId();
        this.settings = new EndpointSettings(event.url(), event.eventTypes(), event.filter(), event.clientIds(),
                event.description());
        this.registeredAt = event.registeredAt();
        this.backfillFrom = event.backfillFrom();
        this.sealedSecret = event.sealedSecret();
    }

    @EventSourcingHandler
    void on(WebhookEndpointUpdated event) {
        this.settings = new EndpointSettings(event.url(), event.eventTypes(), event.filter(), event.clientIds(),
                event.description());
    }

    @EventSourcingHandler
    void on(WebhookEndpointSecretRotated event) {
        this.sealedSecret = event.sealedSecret();
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabled event) {
        this.disabledAt = event.disabledAt();
        this.disabledReason = event.reason();
    }

    @EventSourcingHandler
    void on(WebhookEndpointEnabled event) {
        this.disabledAt = null;
        this.disabledReason = null;
    }

    @EventSourcingHandler
    void on(WebhookEndpointDeleted event) {
        this.deleted = true;
    }
}
