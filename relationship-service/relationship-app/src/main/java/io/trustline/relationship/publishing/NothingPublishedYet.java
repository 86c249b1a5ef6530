package io.trustline.relationship.publishing;

import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.platform.relay.IntegrationEventTranslator;
import io.trustline.relationship.api.RelationshipTopics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The relationship service stores no domain events yet (meetings, offers declined and the derived
 * trust events come with their own issues), so nothing reaches its relay; anything that did would be a bug.
 */
@ApplicationScoped
public class NothingPublishedYet implements IntegrationEventTranslator {

    @Override
    public String topic() {
        return RelationshipTopics.EVENTS;
    }

    @Override
    public IntegrationEvent translate(Object payload) {
        throw new IllegalArgumentException("relationship does not publish " + payload.getClass().getName() + " yet");
    }
}
