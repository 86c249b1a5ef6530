package io.trustline.relationship.scoringmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Models are per tenant: each tenant knows the built-in {@code trustline-default@1}, the configured model and the
 * models it stored itself, and is scored by the one it chose ({@code tenant_models}, {@code _id} the tenant id,
 * written in one replace when a switch completes), by default the configured one. Per tenant, because one
 * provider's what-if or switch must never change what another's clients see.
 *
 * <p>The choice is read from MongoDB on every call, so every instance follows a switch at once; engines are kept,
 * because a model id names the same content for ever.
 */
@ApplicationScoped
public class TenantModels implements ActiveModels {

    private final ScoringEngine configured;
    private final Map<String, ScoringEngine> shared;
    private final Map<String, ScoringEngine> storedEngines = new ConcurrentHashMap<>();
    private final StoredModels stored;
    private final MongoCollection<Document> choices;

    @Inject
    TenantModels(ScoringModel configured, StoredModels stored, MongoClient mongo,
                 @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.configured = new ScoringEngine(configured);
        ScoringModel builtIn = ScoringModelFiles.builtInDefault();
        this.shared = configured.id().equals(builtIn.id())
                ? Map.of(configured.id(), this.configured)
                : Map.of(configured.id(), this.configured, builtIn.id(), new ScoringEngine(builtIn));
        this.stored = stored;
        this.choices = mongo.getDatabase(database).getCollection("tenant_models");
    }

    @Override
    public ScoringEngine of(String tenantId) {
        return activeId(tenantId).flatMap(id -> byId(tenantId, id)).orElse(configured);
    }

    @Override
    public Optional<ScoringEngine> byId(String tenantId, String modelId) {
        ScoringEngine engine = shared.get(modelId);
        if (engine != null) {
            return Optional.of(engine);
        }
        String key = tenantId + "|" + modelId;
        engine = storedEngines.get(key);
        if (engine == null) {
            Optional<StoredModel> found = stored.find(tenantId, modelId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            engine = storedEngines.computeIfAbsent(key, any -> new ScoringEngine(found.get().model()));
        }
        return Optional.of(engine);
    }

    @Override
    public SortedSet<String> knownIds(String tenantId) {
        SortedSet<String> ids = new TreeSet<>(shared.keySet());
        stored.all(tenantId).forEach(model -> ids.add(model.model().id()));
        return Collections.unmodifiableSortedSet(ids);
    }

    /** The id of the model scoring the tenant now. */
    public String activeModelId(String tenantId) {
        return of(tenantId).model().id();
    }

    /** Makes the model score the tenant from now on: one write, so every reader sees the old or the new model. */
    public void activate(String tenantId, String modelId, Instant at) {
        choices.replaceOne(Filters.eq("_id", tenantId), new Document("_id", tenantId).append("modelId", modelId)
                .append("activatedAt", Date.from(at)), new ReplaceOptions().upsert(true));
    }

    /** Every model the tenant knows: the built-in and configured ones first, then its own by id. */
    public List<KnownModel> known(String tenantId) {
        String active = activeModelId(tenantId);
        List<KnownModel> models = new ArrayList<>();
        new TreeSet<>(shared.keySet()).forEach(id -> models.add(new KnownModel(shared.get(id).model(),
                id.equals(configured.model().id()) ? KnownModel.Source.CONFIGURED : KnownModel.Source.BUILT_IN,
                null, id.equals(active))));
        stored.all(tenantId).forEach(model -> models.add(new KnownModel(model.model(), KnownModel.Source.STORED,
                model.storedAt(), model.model().id().equals(active))));
        return models;
    }

    /** A model the tenant knows, by id, with where it comes from. */
    public Optional<KnownModel> known(String tenantId, String modelId) {
        return known(tenantId).stream().filter(model -> model.model().id().equals(modelId)).findFirst();
    }

    private Optional<String> activeId(String tenantId) {
        Document choice = choices.find(Filters.eq("_id", tenantId)).first();
        return choice == null ? Optional.empty() : Optional.of(choice.getString("modelId"));
    }
}
