package io.trustline.incident.incident;

import com.mongodb.client.MongoClient;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One document per incident; each event upserts its own fields, so a replay rebuilds the same documents. */
@ApplicationScoped
public class IncidentDetailsProjection implements AxonMessageHandlers {

    private final TenantDocuments<IncidentDetails> incidents;

    @Inject
    IncidentDetailsProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.incidents = new TenantDocuments<>(mongo.getDatabase(database).getCollection("incident_details"),
                IncidentDetails.class);
    }

    @EventHandler
    void on(IncidentOpened event) {
        incidents.upsert(event.tenantId(), event.issueId(),
                new IncidentDetails(event.issueId(), event.clientId(), event.summary(), event.openedAt(), null));
    }

    @EventHandler
    void on(ActionPlanIssued event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "actionPlan", IncidentDetails.ActionPlan.of(event));
    }

    @QueryHandler
    Optional<IncidentDetails> handle(GetIncidentById query) {
        return incidents.find(query.tenantId(), query.issueId());
    }
}
