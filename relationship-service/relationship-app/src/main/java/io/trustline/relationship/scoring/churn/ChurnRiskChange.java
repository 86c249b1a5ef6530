package io.trustline.relationship.scoring.churn;

import java.time.Instant;

/** The level of churn risk changed at a point of the timeline (raised or cleared). */
public record ChurnRiskChange(Instant at, ChurnRisk.Level from, ChurnRisk.Level to, ChurnRisk risk) {

    public boolean raised() {
        return to.compareTo(from) > 0;
    }
}
