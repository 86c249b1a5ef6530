package io.trustline.relationship.timeline;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.trustline.platform.json.DocumentMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scored timelines: one document per point ({@code timeline_points}, {@code _id}
 * {@code tenantId|clientId|modelId|position}, so a client's points read in timeline order by their key and a
 * timeline has no size limit) and one small summary per client ({@code client_timeline_summaries}, {@code _id}
 * {@code tenantId|clientId}). Every read and write is by key or key range, within the tenant.
 */
@ApplicationScoped
class ScoredTimelines {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final int DELETES_PER_REQUEST = 1000;
    // sorts after every position, which starts with a digit
    private static final String END_OF_POSITIONS = "~";

    private final MongoCollection<Document> points;
    private final MongoCollection<Document> summaries;

    @Inject
    ScoredTimelines(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.points = mongo.getDatabase(database).getCollection("timeline_points");
        this.summaries = mongo.getDatabase(database).getCollection("client_timeline_summaries");
    }

    Optional<ClientTimelineSummary> summary(String tenantId, String clientId) {
        Document stored = summaries.find(Filters.eq("_id", tenantId + "|" + clientId)).first();
        return Optional.ofNullable(stored).map(found -> DocumentMapper.fromDocument(found, ClientTimelineSummary.class));
    }

    void save(String tenantId, ClientTimelineSummary summary) {
        Document stored = DocumentMapper.toDocument(summary).append("tenantId", tenantId);
        summaries.replaceOne(Filters.eq("_id", tenantId + "|" + summary.clientId()), stored, UPSERT);
    }

    /** Stores the summary unless the client has one; false when it had. */
    boolean saveIfAbsent(String tenantId, ClientTimelineSummary summary) {
        Document stored = DocumentMapper.toDocument(summary).append("_id", tenantId + "|" + summary.clientId())
                .append("tenantId", tenantId);
        try {
            summaries.insertOne(stored);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Replaces the summary only while it still says its points reflect {@code eventCount} events under
     * {@code modelId}; false when the projection has written another one since.
     */
    boolean replaceIf(String tenantId, String modelId, int eventCount, ClientTimelineSummary summary) {
        Document stored = DocumentMapper.toDocument(summary).append("tenantId", tenantId);
        return summaries.replaceOne(Filters.and(Filters.eq("_id", tenantId + "|" + summary.clientId()),
                Filters.eq("modelId", modelId), Filters.eq("eventCount", eventCount)), stored).getMatchedCount() == 1;
    }

    /** Writes the changed points and deletes the positions that are gone, all in one round trip where possible. */
    void write(String tenantId, String clientId, String modelId, TimelineDiff<ScoredPoint> diff) {
        if (diff.isEmpty()) {
            return;
        }
        String prefix = prefix(tenantId, clientId, modelId);
        List<WriteModel<Document>> writes = new ArrayList<>(diff.upserts().size() + 1);
        for (ScoredPoint point : diff.upserts()) {
            String id = prefix + PointPosition.of(point);
            Document stored = DocumentMapper.toDocument(point)
                    .append("_id", id)
                    .append("tenantId", tenantId)
                    .append("clientId", clientId)
                    .append("modelId", modelId);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), stored, UPSERT));
        }
        List<String> deleted = diff.deleted();
        for (int from = 0; from < deleted.size(); from += DELETES_PER_REQUEST) {
            List<String> ids = deleted.subList(from, Math.min(deleted.size(), from + DELETES_PER_REQUEST)).stream()
                    .map(position -> prefix + position).toList();
            writes.add(new DeleteManyModel<>(Filters.in("_id", ids)));
        }
        points.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Every stored point of the client under the model, in timeline order. */
    List<ScoredPoint> all(String tenantId, String clientId, String modelId) {
        return page(tenantId, clientId, modelId, null, Integer.MAX_VALUE - 1).points();
    }

    /** Up to {@code limit} points after the position {@code after} (null: from the first), in timeline order. */
    Page page(String tenantId, String clientId, String modelId, String after, int limit) {
        String prefix = prefix(tenantId, clientId, modelId);
        Bson from = after == null ? Filters.gte("_id", prefix) : Filters.gt("_id", prefix + after);
        List<Document> found = points.find(Filters.and(from, Filters.lt("_id", prefix + END_OF_POSITIONS)))
                .sort(Sorts.ascending("_id"))
                .limit(limit + 1)
                .into(new ArrayList<>());
        boolean more = found.size() > limit;
        List<ScoredPoint> page = (more ? found.subList(0, limit) : found).stream()
                .map(stored -> DocumentMapper.fromDocument(stored, ScoredPoint.class))
                .toList();
        return new Page(page, more ? PointPosition.of(page.get(page.size() - 1)) : null);
    }

    /** A page of points and the position to continue after, or null on the last page. */
    record Page(List<ScoredPoint> points, String lastPosition) {
    }

    private static String prefix(String tenantId, String clientId, String modelId) {
        return tenantId + "|" + clientId + "|" + modelId + "|";
    }
}
