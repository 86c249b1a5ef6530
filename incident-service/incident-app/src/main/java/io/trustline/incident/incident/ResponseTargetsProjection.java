package io.trustline.incident.incident;

import com.mongodb.client.MongoClient;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The incident's {@code targets} and {@code nextDeadline} on its document, the only writer of both. Every event may
 * move a target, and a target depends on several events in any order (targets learnt after the acknowledgement, a
 * reopening after the resolution), so this read model keeps the {@link ResponseFacts} on the document, folds each
 * event into them and writes them together with what {@link TargetStatuses} derives from them. Folding is
 * idempotent and this read model's processor handles one event at a time, in store order, so applying an event
 * twice or replaying all of them rebuilds the same document.
 */
@ApplicationScoped
public class ResponseTargetsProjection implements AxonMessageHandlers {

    private static final String FACTS = "responseFacts";

    private final TenantDocuments<StoredFacts> incidents;

    @Inject
    ResponseTargetsProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.incidents = new TenantDocuments<>(mongo.getDatabase(database).getCollection("incident_details"),
                StoredFacts.class);
    }

    @EventHandler
    void on(IncidentEvent event) {
        Optional<ResponseFacts> stored = incidents.find(event.tenantId(), event.issueId())
                .map(StoredFacts::responseFacts);
        ResponseFacts facts = stored.orElse(ResponseFacts.NONE).with(event);
        if (stored.isPresent() && stored.get().equals(facts)) {
            return;
        }
        Optional<IncidentDetails.Targets> targets = TargetStatuses.of(facts);
        // a HashMap, for the null that clears a deadline no longer ahead
        Map<String, Object> fields = new HashMap<>();
        fields.put(FACTS, facts);
        fields.put("targets", targets.orElse(null));
        fields.put("nextDeadline", targets.flatMap(TargetStatuses::next).orElse(null));
        incidents.upsertFields(event.tenantId(), event.issueId(), fields);
    }

    /**
     * The facts as stored beside the incident's details; {@link IncidentDetails} does not name them, so the API never
     * shows them.
     */
    record StoredFacts(ResponseFacts responseFacts) {
    }
}
