package io.trustline.intake.psa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.trustline.platform.json.TrustlineJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PSA ticket changes whose company no mapping names yet, one document each in {@value #COLLECTION}: the normalised
 * change (authenticated and read when it arrived, so a replay needs neither the PSA's signature nor its secret again)
 * with the moment it arrived. A unique index on integration and delivery keeps a redelivered webhook from being parked
 * twice. A change leaves only once recorded on its issue.
 */
@ApplicationScoped
public class ParkedTickets {

    static final String COLLECTION = "psa_parked_changes";
    private static final String TENANT = "tenantId";
    private static final String INTEGRATION = "integrationId";
    private static final String ARRIVED_AT = "arrivedAt";

    private final MongoCollection<Document> parked;
    private final ObjectMapper json = TrustlineJson.newObjectMapper();
    private volatile boolean indexed;

    @Inject
    ParkedTickets(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.parked = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    /** Keeps the change under the company; false, keeping nothing new, when this delivery is parked already. */
    boolean park(String tenantId, String integrationId, String psaCompanyId, PsaTicketChange change, Instant arrivedAt) {
        ensureIndexes();
        try {
            parked.insertOne(new Document(TENANT, tenantId)
                    .append(INTEGRATION, integrationId)
                    .append("deliveryId", change.deliveryId())
                    .append("psaCompanyId", psaCompanyId)
                    .append("externalTicketId", change.externalTicketId())
                    .append("psa", change.psa().name())
                    .append("summary", change.summary())
                    .append(ARRIVED_AT, Date.from(arrivedAt))
                    .append("change", json.writeValueAsString(change)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a parked change of ticket " + change.externalTicketId(), e);
        }
    }

    /** The company a parked change of this ticket names, if one is parked. */
    Optional<String> companyOfTicket(String tenantId, String integrationId, String psa, String externalTicketId) {
        return Optional.ofNullable(parked.find(Filters.and(ofIntegration(tenantId, integrationId),
                        Filters.eq("psa", psa), Filters.eq("externalTicketId", externalTicketId)))
                        .sort(arrivalOrder()).first())
                .map(document -> document.getString("psaCompanyId"));
    }

    /** The integration's parked changes, in the order they arrived. */
    List<ParkedChange> inArrivalOrder(String tenantId, String integrationId) {
        List<ParkedChange> changes = new ArrayList<>();
        parked.find(ofIntegration(tenantId, integrationId)).sort(arrivalOrder()).forEach(document -> changes.add(
                new ParkedChange(document.get("_id"), document.getString("psaCompanyId"), change(document),
                        document.getDate(ARRIVED_AT).toInstant())));
        return changes;
    }

    void recorded(ParkedChange change) {
        parked.deleteOne(Filters.eq("_id", change.storedId()));
    }

    /** The integration's parked tickets, in the order their first parked change arrived. */
    List<UnmappedTicket> tickets(String tenantId, String integrationId) {
        Map<String, UnmappedTicket> tickets = new LinkedHashMap<>();
        parked.find(ofIntegration(tenantId, integrationId)).sort(arrivalOrder()).forEach(document -> {
            String key = document.getString("psa") + "|" + document.getString("externalTicketId");
            UnmappedTicket seen = tickets.get(key);
            String summary = document.getString("summary");
            tickets.put(key, seen == null
                    ? new UnmappedTicket(document.getString("psaCompanyId"), document.getString("externalTicketId"),
                            summary, document.getDate(ARRIVED_AT).toInstant(), 1)
                    : new UnmappedTicket(seen.psaCompanyId(), seen.externalTicketId(),
                            summary == null ? seen.summary() : summary, seen.arrivedAt(), seen.changes() + 1));
        });
        return List.copyOf(tickets.values());
    }

    private PsaTicketChange change(Document document) {
        try {
            return json.readValue(document.getString("change"), PsaTicketChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read parked change " + document.get("_id"), e);
        }
    }

    private static Bson ofIntegration(String tenantId, String integrationId) {
        return Filters.and(Filters.eq(INTEGRATION, integrationId), Filters.eq(TENANT, tenantId));
    }

    // ObjectIds grow within one process: they order changes that arrived in the same millisecond
    private static Bson arrivalOrder() {
        return Sorts.ascending(ARRIVED_AT, "_id");
    }

    private void ensureIndexes() {
        if (!indexed) {
            parked.createIndex(Indexes.ascending(INTEGRATION, "deliveryId"), new IndexOptions().unique(true));
            parked.createIndex(Indexes.ascending(INTEGRATION, TENANT, ARRIVED_AT));
            indexed = true;
        }
    }
}
