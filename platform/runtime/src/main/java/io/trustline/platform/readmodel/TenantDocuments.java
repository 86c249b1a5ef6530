package io.trustline.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import io.trustline.platform.json.DocumentMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

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
    private final Bson fieldsOfType;

    public TenantDocuments(MongoCollection<Document> collection, Class<T> type) {
        this.collection = collection;
        this.type = type;
        // a record may read only part of a document others write to (a list that grows with history, say)
        List<String> fields = new ArrayList<>(DocumentMapper.fieldsOf(type));
        fields.add(TENANT);
        this.fieldsOfType = Projections.include(fields);
    }

    public Optional<T> find(String tenantId, String id) {
        Document stored = collection.find(Filters.eq("_id", id)).projection(fieldsOfType).first();
        if (stored == null || !tenantId.equals(stored.getString(TENANT))) {
            return Optional.empty();
        }
        return Optional.of(read(stored));
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

    /**
     * Replaces the whole document with {@code value}, creating it if needed: unlike {@link #upsert}, a field that
     * {@code value} no longer has (a setting removed, say) is gone afterwards.
     */
    public void replace(String tenantId, String id, T value) {
        Document document = DocumentMapper.toDocument(value).append(TENANT, tenantId);
        collection.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    /** Removes the tenant's document; nothing when there is none, so a replayed removal is harmless. */
    public void delete(String tenantId, String id) {
        collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq(TENANT, tenantId)));
    }

    /** Sets one field, creating the document if needed. */
    public void upsertField(String tenantId, String id, String field, Object value) {
        Document wrapped = DocumentMapper.toDocument(Map.of(field, value));
        set(tenantId, id, new Document(field, wrapped.get(field)));
    }

    /**
     * Sets the given fields in one write, a null value as null (so a field can be cleared), creating the
     * document if needed.
     */
    public void upsertFields(String tenantId, String id, Map<String, ?> fields) {
        set(tenantId, id, DocumentMapper.toDocument(fields));
    }

    /** Adds {@code value} to the list {@code field} unless an equal element is there, creating the document if needed. */
    public void addToList(String tenantId, String id, String field, Object value) {
        Document element = DocumentMapper.toDocument(Map.of(field, value));
        collection.updateOne(Filters.eq("_id", id), new Document("$addToSet", new Document(field, element.get(field)))
                .append("$set", new Document(TENANT, tenantId)), UPSERT);
    }

    /**
     * One page of the tenant's documents whose fields equal {@code equal}, in id order, after the id
     * {@code afterId} (null: from the first). Asks for one more than {@code limit} to tell whether another
     * page follows.
     */
    public Page<T> page(String tenantId, Map<String, Object> equal, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(TENANT, tenantId));
        equal.forEach((field, value) -> filters.add(Filters.eq(field, DocumentMapper.toDocument(Map.of(field, value)).get(field))));
        if (afterId != null) {
            filters.add(Filters.gt("_id", afterId));
        }
        List<Document> found = collection.find(Filters.and(filters)).sort(Sorts.ascending("_id")).limit(limit + 1)
                .into(new ArrayList<>());
        boolean more = found.size() > limit;
        List<Document> page = more ? found.subList(0, limit) : found;
        List<T> items = page.stream().map(this::read).toList();
        return new Page<>(items, more ? page.get(page.size() - 1).getString("_id") : null);
    }

    /** A page of documents and the id to continue after, or null on the last page. */
    public record Page<T>(List<T> items, String lastId) {
    }

    private T read(Document stored) {
        stored.remove(TENANT);
        return DocumentMapper.fromDocument(stored, type);
    }

    private void set(String tenantId, String id, Document fields) {
        fields.append(TENANT, tenantId);
        collection.updateOne(Filters.eq("_id", id), new Document("$set", fields), UPSERT);
    }
}
