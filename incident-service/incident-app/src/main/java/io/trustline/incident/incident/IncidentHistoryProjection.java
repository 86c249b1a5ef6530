package io.trustline.incident.incident;

import com.mongodb.client.MongoClient;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The incident's history on its document: one entry per stored event, in store order. A read model of its
 * own because Axon calls only the most specific handler of a class, and every event belongs here; adding
 * an entry that is already there changes nothing, so a replay rebuilds the same list.
 */
@ApplicationScoped
public class IncidentHistoryProjection implements AxonMessageHandlers {

    private final TenantDocuments<IncidentDetails> incidents;

    @Inject
    IncidentHistoryProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.incidents = new TenantDocuments<>(mongo.getDatabase(database).getCollection("incident_details"),
                IncidentDetails.class);
    }

    @EventHandler
    void on(IncidentEvent event, @MessageIdentifier String eventId) {
        incidents.addToList(event.tenantId(), event.issueId(), "history",
                new IncidentDetails.HistoryEntry(event.getClass().getSimpleName(), event.occurredAt(), eventId));
    }
}
