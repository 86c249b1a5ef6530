package io.trustline.relationship.publishing;

import io.trustline.platform.relay.IntegrationEvent;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.platform.relay.IntegrationEventTranslator;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stored relationship events → {@code relationship-api} events on {@code trustline.relationship.v1}:
 * none yet. The service stores no domain events (meetings, offers declined and the derived trust events
 * come with their own issues), so nothing reaches its outbox relay and anything that did would be a bug.
 * The class exists because the platform's {@code OutboxRelay}, started in every service, needs a translator.
 */
@ApplicationScoped
public class RelationshipEventsTranslator implements IntegrationEventTranslator {

    @Override
    public String topic() {
        return RelationshipTopics.EVENTS;
    }

    @Override
    public IntegrationEvent translate(Object payload) {
        throw new IllegalArgumentException("relationship does not publish " + payload.getClass().getName() + " yet");
    }
}
