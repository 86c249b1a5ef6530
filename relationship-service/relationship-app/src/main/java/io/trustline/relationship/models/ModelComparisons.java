package io.trustline.relationship.models;

import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.comparison.ModelComparison;
import io.trustline.relationship.scoringmodel.TenantModels;
import io.trustline.relationship.timeline.ClientRescoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two models over a page of the tenant's clients (computed: each client's stored events replayed under
 * both). Paged by client id, at most {@link #MAX_CLIENTS} per answer, so one answer stays small and quick.
 */
@ApplicationScoped
class ModelComparisons {

    static final int MAX_CLIENTS = 500;
    static final int DEFAULT_CLIENTS = 100;

    private final Clock clock = Clock.systemUTC();

    @Inject
    TenantModels models;
    @Inject
    ClientRescoring clients;

    ModelComparisonView compare(String tenantId, CompareModelsRequest request) {
        ScoringEngine a = engine(tenantId, "modelA", request.modelA());
        ScoringEngine b = engine(tenantId, "modelB", request.modelB());
        Instant asOf = request.asOf() == null ? clock.instant() : request.asOf();
        int limit = request.limit() == null ? DEFAULT_CLIENTS : request.limit();
        List<String> page = clients.clientIds(tenantId).stream()
                .filter(clientId -> request.after() == null || clientId.compareTo(request.after()) > 0)
                .limit(limit + 1L).toList();
        boolean more = page.size() > limit;
        page = more ? page.subList(0, limit) : page;
        Map<String, List<ClientEvent>> histories = new LinkedHashMap<>();
        page.forEach(clientId -> histories.put(clientId, clients.history(tenantId, clientId, asOf)));
        ModelComparison comparison = ModelComparison.of(a.model(), b.model(), histories, asOf);
        return new ModelComparisonView(comparison.modelA(), comparison.modelB(), asOf,
                comparison.clients().stream().map(ModelComparisons::view).toList(),
                comparison.riskFlips().stream().map(ModelComparison.ClientComparison::clientId).toList(),
                more ? page.get(page.size() - 1) : null);
    }

    private ScoringEngine engine(String tenantId, String field, String modelId) {
        return models.byId(tenantId, modelId).orElseThrow(() -> new InvalidFieldException(field, "'" + modelId
                + "' is not a model your tenant knows; known: " + String.join(", ", models.knownIds(tenantId)) + "."));
    }

    private static ModelComparisonView.ClientUnderBoth view(ModelComparison.ClientComparison client) {
        return new ModelComparisonView.ClientUnderBoth(client.clientId(), client.trustA(), client.trustB(),
                client.loyaltyA(), client.loyaltyB(), client.riskA().level(), client.riskB().level(),
                client.riskFlipped());
    }
}
