package io.trustline.notification.webhooks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.signing.EndpointSigningSecrets;
import io.trustline.notification.signing.SigningSecretsStore;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointSecretRotated;
import io.trustline.notification.webhooks.WebhookEndpointQueries.GetWebhookEndpointById;
import io.trustline.notification.webhooks.WebhookEndpointQueries.ListWebhookEndpoints;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Endpoints by id, and per tenant for deliveries; both written by upserts, so replays are harmless. Signing secrets go
 * to their own store, written first, so that an endpoint deliveries can see always has its secret.
 */
@ApplicationScoped
public class WebhookEndpointsProjection implements AxonMessageHandlers {

    private final TenantDocuments<WebhookEndpointDetails> endpoints;
    private final TenantDocuments<TenantWebhookEndpoints> byTenant;
    private final SigningSecretsStore signingSecrets;

    @Inject
    WebhookEndpointsProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                               SigningSecretsStore signingSecrets) {
        this.signingSecrets = signingSecrets;
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
        WebhookEndpointDetails endpoint = endpoints.find(event.tenantId(), event.endpointId())
                .orElseThrow(() -> new IllegalStateException("endpoint " + event.endpointId() + " disabled before registered"))
                .disabled(event);
        endpoints.upsert(event.tenantId(), event.endpointId(), endpoint);
        byTenant.upsert(event.tenantId(), event.tenantId(), of(event.tenantId()).with(endpoint));
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
