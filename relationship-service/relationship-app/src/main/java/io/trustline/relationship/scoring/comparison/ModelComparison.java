package io.trustline.relationship.scoring.comparison;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two model versions replayed over the same histories: per client, where each leaves trust and
 * loyalty and whether the churn-risk level differs. What a manager reads before switching models.
 */
public record ModelComparison(String modelA, String modelB, Instant asOf, List<ClientComparison> clients) {

    public ModelComparison {
        clients = List.copyOf(clients);
    }

    /** Compares {@code a} and {@code b} over each client's history as of {@code asOf}. */
    public static ModelComparison of(ScoringModel a, ScoringModel b,
                                     Map<String, ? extends Collection<? extends ClientEvent>> historiesByClient,
                                     Instant asOf) {
        ScoringEngine engineA = new ScoringEngine(a);
        ScoringEngine engineB = new ScoringEngine(b);
        List<ClientComparison> clients = new ArrayList<>();
        new TreeMap<>(historiesByClient).forEach((clientId, events) -> {
            Timeline underA = engineA.timelineAsOf(events, asOf);
            Timeline underB = engineB.timelineAsOf(events, asOf);
            clients.add(new ClientComparison(clientId, underA.trust(), underB.trust(), underA.loyalty(),
                    underB.loyalty(), engineA.churnRisk(underA, asOf), engineB.churnRisk(underB, asOf)));
        });
        return new ModelComparison(a.id(), b.id(), asOf, clients);
    }

    /** The clients whose churn-risk level differs between the two models. */
    public List<ClientComparison> riskFlips() {
        return clients.stream().filter(ClientComparison::riskFlipped).toList();
    }

    public ClientComparison client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no client " + clientId + " in the comparison"));
    }

    /** One client under model A and model B. */
    public record ClientComparison(String clientId, double trustA, double trustB, double loyaltyA, double loyaltyB,
                                   ChurnRisk riskA, ChurnRisk riskB) {

        public double trustDifference() {
            return trustB - trustA;
        }

        public double loyaltyDifference() {
            return loyaltyB - loyaltyA;
        }

        public boolean riskFlipped() {
            return riskA.level() != riskB.level();
        }
    }
}
