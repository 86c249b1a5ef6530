package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;

/**
 * One live event scored: the client's timeline under the tenant's active model without the event and with it,
 * shown to the projection's caller before anything is written. Equal timelines when the event was already
 * stored (a redelivery after a crash): what it changed was shown when it was first scored.
 *
 * @param engine the active model's engine, which scored both timelines
 */
public record ScoredEvent(String tenantId, String clientId, ClientEvent event, ScoringEngine engine, Timeline before,
                          Timeline after) {
}
