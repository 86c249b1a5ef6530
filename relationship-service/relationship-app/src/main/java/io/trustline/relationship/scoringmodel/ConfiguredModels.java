package io.trustline.relationship.scoringmodel;

import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every tenant is scored by the configured model ({@link ScoringModelProducer}) until per-tenant models come; a
 * what-if may also name the built-in {@code trustline-default@1}, so a service running its own model can still
 * be compared with the default.
 */
@ApplicationScoped
class ConfiguredModels implements ActiveModels {

    private final ScoringEngine configured;
    private final Map<String, ScoringEngine> known;

    @Inject
    ConfiguredModels(ScoringModel configured) {
        this.configured = new ScoringEngine(configured);
        ScoringModel builtIn = ScoringModelFiles.builtInDefault();
        this.known = configured.id().equals(builtIn.id())
                ? Map.of(configured.id(), this.configured)
                : Map.of(configured.id(), this.configured, builtIn.id(), new ScoringEngine(builtIn));
    }

    @Override
    public ScoringEngine of(String tenantId) {
        return configured;
    }

    @Override
    public Optional<ScoringEngine> byId(String modelId) {
        return Optional.ofNullable(known.get(modelId));
    }

    @Override
    public SortedSet<String> knownIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(known.keySet()));
    }
}
