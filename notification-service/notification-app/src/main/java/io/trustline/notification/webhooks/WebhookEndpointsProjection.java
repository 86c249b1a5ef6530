package io.trustline.notification.webhooks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.trustline.notification.signing.EndpointSigningSecrets;
import io.trustline.notification.signing.SigningSecretsStore;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDeleted;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointEnabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointSecretRotated;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointUpdated;
import io.trustline.notification.webhooks.WebhookEndpointQueries.GetWebhookEndpointById;
import io.trustline.notification.webhooks.WebhookEndpointQueries.ListWebhookEndpoints;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Endpoints by id, and per tenant for deliveries; both written by upserts and replaces, so replays are harmless.
 * Signing secrets go to their own store, written first, so that an endpoint deliveries can see always has its secret.
 * Deliveries read the endpoints from here, so a change applies to the events handled after it is written; an
 * enabling or a deletion is also told to deliveries ({@link EndpointLifecycle}), for the deliveries already waiting.
 */
@ApplicationScoped
public class WebhookEndpointsProjection implements AxonMessageHandlers {

    private final TenantDocuments<WebhookEndpointDetails> endpoints;
    private final TenantDocuments<TenantWebhookEndpoints> byTenant;
    private final SigningSecretsStore signingSecrets;
    private final Event<EndpointLifecycle> lifecycle;

    @Inject
    WebhookEndpointsProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                               SigningSecretsStore signingSecrets, Event<EndpointLifecycle> lifecycle) {
        this.signingSecrets = signingSecrets;
        this.lifecycle = lifecycle;
        MongoDatabase db = mongo.getDatabase(database);
        this.endpoints = new TenantDocuments<>(db.getCollection("webhook_endpoints"), WebhookEndpointDetails.class);
        this.byTenant = new TenantDocuments<>(db.getCollection("tenant_webhook_endpoints"), TenantWebhookEndpoints.class);
    }

    @EventHandler
    void on(WebhookEndpointRegistered event) {
        if (event.sealedSecret() != null) {
            signingSecrets.put(event.endpointId(), new EndpointSigningSecrets(event.sealedSecret(), null, null));
        }
        WebhookEndpointDetails endpoint = WebhookEndpointDetails.of(event);
        endpoints.upsert(event.tenantId(), event.endpointId(), endpoint);
        // one processor thread writes this document, so reading it back before the upsert is race-free
        byTenant.upsert(event.tenantId(), event.tenantId(), of(event.tenantId()).with(endpoint));
    }

    @EventHandler
    void on(WebhookEndpointDisabled event) {
        existing(event.tenantId(), event.endpointId()).ifPresent(endpoint -> replace(event.tenantId(), endpoint.disabled(event)));
    }

    @EventHandler
    void on(WebhookEndpointUpdated event) {
        // a replace: a filter, allow-list or description the patch removed must be gone, not kept by an upsert
        existing(event.tenantId(), event.endpointId()).ifPresent(endpoint -> replace(event.tenantId(), endpoint.updated(event)));
    }

    @EventHandler
    void on(WebhookEndpointEnabled event) {
        existing(event.tenantId(), event.endpointId()).ifPresent(endpoint -> replace(event.tenantId(), endpoint.enabledAgain()));
        lifecycle.fire(new EndpointLifecycle.Enabled(event.tenantId(), event.endpointId()));
    }

    @EventHandler
    void on(WebhookEndpointDeleted event) {
        // the waiting deliveries first: once the endpoint is gone from here, nothing would find them
        lifecycle.fire(new EndpointLifecycle.Deleted(event.tenantId(), event.endpointId()));
        signingSecrets.remove(event.endpointId());
        byTenant.upsert(event.tenantId(), event.tenantId(), of(event.tenantId()).without(event.endpointId()));
        endpoints.delete(event.tenantId(), event.endpointId());
    }

    /**
     * Empty only when the endpoint was deleted by a later event that this processor applied before it failed and
     * went back over its batch: the change no longer matters.
     */
    private Optional<WebhookEndpointDetails> existing(String tenantId, String endpointId) {
        return endpoints.find(tenantId, endpointId);
    }

    private void replace(String tenantId, WebhookEndpointDetails endpoint) {
        endpoints.replace(tenantId, endpoint.endpointId(), endpoint);
        byTenant.upsert(tenantId, tenantId, of(tenantId).with(endpoint));
    }

    @EventHandler
    void on(WebhookEndpointSecretRotated event) {
        signingSecrets.put(event.endpointId(), new EndpointSigningSecrets(event.sealedSecret(),
                event.previousSealedSecret(), event.previousValidUntil()));
    }

    @QueryHandler
    Optional<WebhookEndpointDetails> handle(GetWebhookEndpointById query) {
        return endpoints.find(query.tenantId(), query.endpointId());
    }

    @QueryHandler
    TenantWebhookEndpoints handle(ListWebhookEndpoints query) {
        return of(query.tenantId());
    }

    /** The tenant's enabled endpoints subscribed to a CloudEvent type. */
    public List<WebhookEndpointDetails> subscribedTo(String tenantId, String eventType) {
        return of(tenantId).endpoints().stream().filter(e -> !e.isDisabled() && e.subscribesTo(eventType)).toList();
    }

    /**
     * The endpoint as the tenant's list has it, the list deliveries are enqueued from; empty until it is listed there.
     */
    public Optional<WebhookEndpointDetails> listed(String tenantId, String endpointId) {
        return of(tenantId).endpoints().stream().filter(e -> e.endpointId().equals(endpointId)).findFirst();
    }

    /** One endpoint of the tenant, as deliveries see it. */
    public Optional<WebhookEndpointDetails> find(String tenantId, String endpointId) {
        return endpoints.find(tenantId, endpointId);
    }

    private TenantWebhookEndpoints of(String tenantId) {
        return byTenant.find(tenantId, tenantId).orElse(TenantWebhookEndpoints.NONE);
    }
}
