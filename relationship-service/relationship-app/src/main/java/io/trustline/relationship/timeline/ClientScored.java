package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import java.util.List;

/**
 * A client's timeline was brought up to date with a new event: fired (synchronously, within the consumer's
 * handling of the event) after its points and summary were written, for read models that derive from the whole
 * history, such as the portfolio.
 *
 * @param events the client's events, in canonical order
 */
public record ClientScored(String tenantId, String clientId, List<ClientEvent> events) {
}
