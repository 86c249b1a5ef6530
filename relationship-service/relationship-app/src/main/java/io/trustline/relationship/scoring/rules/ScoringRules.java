package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent;

/**
 * One family of rules of the model. It reads the client's state as it was before the event,
 * adds its changes to the point and keeps the part of the state it owns up to date.
 */
interface ScoringRules {

    void on(ClientEvent event, ClientState state, PointBuilder point);
}
