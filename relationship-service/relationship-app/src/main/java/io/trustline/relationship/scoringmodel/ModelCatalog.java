package io.trustline.relationship.scoringmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.RuleViolationException;
import io.trustline.relationship.scoring.model.ScoringModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores a tenant's model versions. A {@code name@version} names one content for ever: storing it again with the
 * same content is a no-op, with other content a conflict — timelines name their model, and two contents under one
 * name would make them lie. The same holds for the built-in and the configured model's ids.
 */
@ApplicationScoped
public class ModelCatalog {

    /** How many models one tenant may store: a catalog of versions, not a log. */
    public static final int MAX_STORED_PER_TENANT = 200;
    /** A model's name as it appears in ids and in the timeline's {@code model} parameter. */
    public static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,90}";

    private final TenantModels models;
    private final StoredModels stored;
    private final MongoCollection<Document> requests;

    @Inject
    ModelCatalog(TenantModels models, StoredModels stored, MongoClient mongo,
                 @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.models = models;
        this.stored = stored;
        this.requests = mongo.getDatabase(database).getCollection("scoring_model_requests");
    }

    /**
     * Stores the model unless the tenant knows it already.
     *
     * @throws RuleViolationException when the id is taken by other content, or the tenant stored too many models
     * @throws io.trustline.platform.command.IdempotencyKeyReusedException when the key came with another model
     */
    public Registration register(String tenantId, ScoringModel model, String idempotencyKey, Instant now) {
        if (!model.model().matches(NAME_PATTERN)) {
            throw new InvalidFieldException("model", "'" + model.model() + "' cannot name a model: use 1 to 90 "
                    + "letters, digits, '.', '_' or '-'.");
        }
        String fingerprint = fingerprint(model);
        Optional<Document> earlier = idempotencyKey == null ? Optional.empty()
                : Optional.ofNullable(requests.find(Filters.eq("_id", tenantId + "|" + idempotencyKey)).first());
        if (earlier.isPresent()) {
            IdempotencyKeys.requireSameRequest(fingerprint.equals(earlier.get().getString("fingerprint")),
                    "scoring model", earlier.get().getString("modelId"));
            return new Registration(existing(tenantId, model).orElseThrow(), false, true);
        }
        Optional<KnownModel> known = existing(tenantId, model);
        boolean created = false;
        if (known.isEmpty()) {
            if (stored.count(tenantId) >= MAX_STORED_PER_TENANT) {
                throw new RuleViolationException("Your tenant has stored " + MAX_STORED_PER_TENANT
                        + " models, the most it may; '" + model.id() + "' was not stored.");
            }
            created = stored.insert(tenantId, new StoredModel(model, now));
            known = existing(tenantId, model);
        }
        if (idempotencyKey != null) {
            remember(tenantId, idempotencyKey, model.id(), fingerprint);
        }
        return new Registration(known.orElseThrow(), created, false);
    }

    /** The tenant's model of that id, if it has this very content; a conflict if it has other content. */
    private Optional<KnownModel> existing(String tenantId, ScoringModel model) {
        Optional<KnownModel> known = models.known(tenantId, model.id());
        if (known.isPresent() && !known.get().model().equals(model)) {
            throw new RuleViolationException("Model '" + model.id() + "' already exists with other content, and a "
                    + "model version never changes: store yours under another name or version.");
        }
        return known;
    }

    private void remember(String tenantId, String idempotencyKey, String modelId, String fingerprint) {
        try {
            requests.insertOne(new Document("_id", tenantId + "|" + idempotencyKey).append("tenantId", tenantId)
                    .append("modelId", modelId).append("fingerprint", fingerprint));
        } catch (MongoWriteException e) {
            // a concurrent retry with the same key stored it first; both stored the same model
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String fingerprint(ScoringModel model) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(StoredModels.write(model).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /**
     * What storing a model did.
     *
     * @param created  stored now (201); false: the tenant knew this very model already (200)
     * @param replayed a retry with the same Idempotency-Key
     */
    public record Registration(KnownModel model, boolean created, boolean replayed) {
    }
}
