package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.ClientEvent;

/**
 * One family of rules of the model, named after the seed it comes from. It reads the client's
 * state as it was before the event and adds its changes to the point; it never writes the state
 * (see {@link ClientState}).
 */
interface ScoringRules {

    void on(ClientEvent event, ClientState state, PointBuilder point);
}
