package io.trustline.incident.incident;

import com.mongodb.client.MongoClient;
import io.trustline.incident.incident.IncidentEvent.ActionPlanCompleted;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.ClientChasedUpdate;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.MiscommunicationRecorded;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One document per incident; each event sets its own fields (counts come from the events' own numbers), so
 * applying an event twice or replaying them all rebuilds the same documents.
 */
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
        incidents.upsert(event.tenantId(), event.issueId(), new IncidentDetails(event.issueId(), event.clientId(),
                event.summary(), event.openedAt(), IncidentState.OPEN, null, null, null, null, null, null, null, null,
                null, null, null, null));
    }

    @EventHandler
    void on(IssueAcknowledged event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "acknowledgement", IncidentDetails.part(event));
    }

    @EventHandler
    void on(ActionPlanIssued event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "actionPlan", IncidentDetails.ActionPlan.of(event));
    }

    @EventHandler
    void on(ActionPlanCompleted event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "actionPlan.completedAt", event.occurredAt());
        if (event.note() != null) {
            incidents.upsertField(event.tenantId(), event.issueId(), "actionPlan.completionNote", event.note());
        }
    }

    @EventHandler
    void on(ProactiveUpdateSent event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "updates", IncidentDetails.part(event));
    }

    @EventHandler
    void on(ClientChasedUpdate event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "chases", IncidentDetails.part(event));
    }

    @EventHandler
    void on(ServiceDisruptionAdmitted event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "lastDisruption", IncidentDetails.part(event));
    }

    @EventHandler
    void on(MiscommunicationRecorded event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "lastMiscommunication", IncidentDetails.part(event));
    }

    @EventHandler
    void on(IssueResolved event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "resolution", IncidentDetails.part(event));
        incidents.upsertField(event.tenantId(), event.issueId(), "state", IncidentState.RESOLVED);
    }

    @EventHandler
    void on(ResolutionConfirmed event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "confirmation", IncidentDetails.part(event));
        incidents.upsertField(event.tenantId(), event.issueId(), "state", IncidentState.CONFIRMED);
    }

    @EventHandler
    void on(IssueReopened event) {
        incidents.upsertField(event.tenantId(), event.issueId(), "lastReopening", IncidentDetails.part(event));
        incidents.upsertField(event.tenantId(), event.issueId(), "state", IncidentState.OPEN);
    }

    @QueryHandler
    IncidentPage handle(ListIncidents query) {
        Map<String, Object> equal = new LinkedHashMap<>();
        if (query.clientId() != null) {
            equal.put("clientId", query.clientId());
        }
        if (query.state() != null) {
            equal.put("state", query.state());
        }
        TenantDocuments.Page<IncidentDetails> page = incidents.page(query.tenantId(), equal, query.afterId(), query.limit());
        return new IncidentPage(page.items(), page.lastId());
    }

    @QueryHandler
    Optional<IncidentDetails> handle(GetIncidentById query) {
        return incidents.find(query.tenantId(), query.issueId());
    }
}
