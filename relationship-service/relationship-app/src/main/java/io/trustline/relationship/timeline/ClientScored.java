package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ScoredHistory;

/**
 * A client's timeline was brought up to date with a new event: fired (synchronously, within the consumer's
 * handling of the event) after its points and summary were written, for read models that derive from the whole
 * history, such as the portfolio.
 *
 * @param history the client's events under the tenant's active model, read as of a later instant for the cost of
 *                the clock ticks since its latest event
 */
public record ClientScored(String tenantId, String clientId, ScoredHistory history) {
}
