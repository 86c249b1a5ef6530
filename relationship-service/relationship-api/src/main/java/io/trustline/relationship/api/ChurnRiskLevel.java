package io.trustline.relationship.api;

/**
 * How likely a client is to leave, from the sum of the weights of the churn-risk causes found (the scoring
 * model's thresholds: by default 2 or more MEDIUM, 4 or more HIGH).
 *
 * @since v1
 */
public enum ChurnRiskLevel {
    /** No cause found. */
    NONE,
    /** Causes below the MEDIUM threshold. */
    LOW,
    /** At least the MEDIUM threshold. */
    MEDIUM,
    /** At least the HIGH threshold. */
    HIGH
}
