package io.trustline.relationship.timeline;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.quarkus.runtime.StartupEvent;
import io.trustline.relationship.scoringmodel.ActiveModels;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Once per database, before the consumers start: gives every client that has stored events but no summary a summary
 * of no events. Releases before the projection wrote that summary first could stop between storing a client's first
 * event and its summary; the projection now takes "no summary" to mean "nothing stored", so such a client must have
 * a summary that does not vouch for its events, which makes its next event read them back and repair the points.
 */
@ApplicationScoped
class UnsummarisedClients {

    private static final Logger LOG = Logger.getLogger(UnsummarisedClients.class);
    static final String UPGRADE = "summary-before-first-write";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> summaries;
    private final MongoCollection<Document> upgrades;

    @Inject
    ScoredTimelines timelines;
    @Inject
    ActiveModels models;

    @Inject
    UnsummarisedClients(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        MongoDatabase db = mongo.getDatabase(database);
        this.events = db.getCollection("client_events");
        this.summaries = db.getCollection("client_timeline_summaries");
        this.upgrades = db.getCollection("relationship_upgrades");
    }

    // after Axon (100), before the Kafka consumers (200)
    void onStart(@Observes @Priority(150) StartupEvent started) {
        if (upgrades.find(Filters.eq("_id", UPGRADE)).first() != null) {
            return;
        }
        int marked = markClientsWithoutSummary();
        try {
            upgrades.insertOne(new Document("_id", UPGRADE).append("clientsMarked", marked));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance finished the same pass first
        }
        LOG.infof("gave %d clients with stored events but no timeline summary a summary of no events", marked);
    }

    /** Idempotent, and safe beside a running projection: it never replaces a summary. Returns how many it wrote. */
    int markClientsWithoutSummary() {
        Set<String> summarised = new HashSet<>();
        summaries.find().projection(Projections.include("_id"))
                .forEach(summary -> summarised.add(summary.getString("_id")));
        int marked = 0;
        List<Document> clients = events.aggregate(List.of(Aggregates.group(
                new Document("tenantId", "$tenantId").append("clientId", "$clientId")))).into(new ArrayList<>());
        for (Document client : clients) {
            Document key = client.get("_id", Document.class);
            String tenantId = key.getString("tenantId");
            String clientId = key.getString("clientId");
            if (!summarised.contains(tenantId + "|" + clientId)
                    && timelines.saveIfAbsent(tenantId, ClientHistory.of(List.of(), models.of(tenantId)).summary(clientId))) {
                marked++;
            }
        }
        return marked;
    }
}
