package io.trustline.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import io.trustline.platform.json.DocumentMapper;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * A read model of one record type, one document per id, owned by a tenant. Reads by full key only (the
 * Mongo stand-in scans on anything else). Writes are upserts that set only the fields they are given, so
 * applying an event twice, or replaying them all, leaves the same document. Another tenant's document
 * reads as absent.
 */
public final class TenantDocuments<T> {

    private static final String TENANT = "tenantId";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

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

    /** Sets every field {@code value} has (absent ones are left as they are), creating the document if needed. */
    public void upsert(String tenantId, String id, T value) {
        Document fields = new Document();
        for (Map.Entry<String, Object> field : DocumentMapper.toDocument(value).entrySet()) {
            if (field.getValue() != null) {
                fields.append(field.getKey(), field.getValue());
            }
        }
        set(tenantId, id, fields);
    }

    /** Sets one field, creating the document if needed. */
    public void upsertField(String tenantId, String id, String field, Object value) {
        Document wrapped = DocumentMapper.toDocument(Map.of(field, value));
        set(tenantId, id, new Document(field, wrapped.get(field)));
    }

    private void set(String tenantId, String id, Document fields) {
        fields.append(TENANT, tenantId);
        collection.updateOne(Filters.eq("_id", id), new Document("$set", fields), UPSERT);
    }
}
