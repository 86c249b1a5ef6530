package io.trustline.relationship.models;

import io.trustline.relationship.scoring.churn.ChurnRisk;
import java.time.Instant;
import java.util.List;

/**
 * Two models over the same clients' histories, one page of clients.
 *
 * @param riskFlips the clients of this page whose churn-risk level differs between the models
 * @param nextAfter pass as {@code after} for the next clients; null on the last page
 */
public record ModelComparisonView(String modelA, String modelB, Instant asOf, List<ClientUnderBoth> clients,
                                  List<String> riskFlips, String nextAfter) {

    /** One client's trust, loyalty and churn-risk level under model A and model B. */
    public record ClientUnderBoth(String clientId, double trustA, double trustB, double loyaltyA, double loyaltyB,
                                  ChurnRisk.Level riskA, ChurnRisk.Level riskB, boolean riskFlipped) {
    }
}
