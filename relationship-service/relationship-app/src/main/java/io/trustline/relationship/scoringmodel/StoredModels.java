package io.trustline.relationship.scoringmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The models tenants stored ({@code scoring_models}, {@code _id} {@code tenantId|name@version}), written once and
 * never replaced. Read back through {@link ScoringModelFiles}, so a stored model is checked like a file.
 */
@ApplicationScoped
class StoredModels {

    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> models;

    @Inject
    StoredModels(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.models = mongo.getDatabase(database).getCollection("scoring_models");
    }

    /** Returns false when the tenant already has a model of that id (the stored one stays). */
    boolean insert(String tenantId, StoredModel stored) {
        try {
            models.insertOne(new Document("_id", key(tenantId, stored.model().id()))
                    .append("tenantId", tenantId)
                    .append("modelId", stored.model().id())
                    .append("storedAt", Date.from(stored.storedAt()))
                    .append("model", Document.parse(write(stored.model()))));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    Optional<StoredModel> find(String tenantId, String modelId) {
        return Optional.ofNullable(models.find(Filters.eq("_id", key(tenantId, modelId))).first()).map(StoredModels::read);
    }

    List<StoredModel> all(String tenantId) {
        List<StoredModel> found = new ArrayList<>();
        for (Document stored : models.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("_id"))) {
            found.add(read(stored));
        }
        return found;
    }

    long count(String tenantId) {
        return models.countDocuments(Filters.eq("tenantId", tenantId));
    }

    static String write(ScoringModel model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store model " + model.id(), e);
        }
    }

    private static StoredModel read(Document stored) {
        String json = stored.get("model", Document.class).toJson(RELAXED);
        ScoringModel model = ScoringModelFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "stored " + stored.get("_id"));
        return new StoredModel(model, stored.getDate("storedAt").toInstant());
    }

    private static String key(String tenantId, String modelId) {
        return tenantId + "|" + modelId;
    }
}
