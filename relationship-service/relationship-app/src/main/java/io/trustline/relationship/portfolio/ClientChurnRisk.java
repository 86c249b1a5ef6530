package io.trustline.relationship.portfolio;

import io.trustline.relationship.scoring.churn.ChurnRisk;
import java.time.Instant;
import java.util.List;

/**
 * How likely a client is to leave as of an instant, and why.
 *
 * @param modelId the model that scored the events, {@code name@version}
 * @param asOf    the instant assessed: events up to it and the clock ticks up to it count
 * @param level   the sum of the causes' weights, read against the model's thresholds
 * @param causes  every cause found, each naming its events; empty for NONE
 */
public record ClientChurnRisk(String clientId, String modelId, Instant asOf, ChurnRisk.Level level, double trust,
                              double loyalty, List<RiskCause> causes) {
}
