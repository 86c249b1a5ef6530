package io.trustline.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.trustline.platform.json.DocumentMapper;
import java.util.Optional;
import org.bson.Document;

/**
 * A read model of one record type, one document per id, owned by a tenant. Reads by full key only (the
 * Mongo stand-in scans on anything else); writes replace the whole document, so replays are harmless.
 * Another tenant's document reads as absent.
 */
public final class TenantDocuments<T> {

    private static final String TENANT = "tenantId";

    private final MongoCollection<Document> collection;
    private final Class<T> type;

    public TenantDocuments(MongoCollection<Document> collection, Class<T> type) {
        this.collection = collection;
        this.type = type;
    }

    public Optional<T> find(String tenantId, String id) {
        Document stored = collection.find(Filters.eq("_id", id)).first();
        if (stored == null || !tenantId.equals(stored.getString(TENANT))) {
            return Optional.empty();
        }
        stored.remove(TENANT);
        return Optional.of(DocumentMapper.fromDocument(stored, type));
    }

    public T get(String tenantId, String id) {
        return find(tenantId, id).orElseThrow(() ->
                new IllegalStateException("no " + type.getSimpleName() + " " + id + " of tenant " + tenantId));
    }

    public void save(String tenantId, String id, T value) {
        Document document = DocumentMapper.toDocument(value).append(TENANT, tenantId).append("_id", id);
        collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    public MongoCollection<Document> collection() {
        return collection;
    }
}
