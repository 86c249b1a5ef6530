package io.trustline.relationship.timeline;

import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Feeds the scored timeline with every intake, incident and relationship event the model scores, and publishes what
 * each changed in the client's standing ({@link DerivedEvents}); other types are ignored, the derived events this
 * service publishes on its own topic among them, so they never feed back into the scores.
 */
@ApplicationScoped
public class CatalogEventsConsumer implements CloudEventSubscriber {

    @Inject
    ScoredTimelineProjection projection;
    @Inject
    DerivedEventsPublisher derivedEvents;

    @Override
    public String name() {
        // a new name, so a new consumer group: the scored projection reads both topics from their beginning,
        // rather than from where the bare timeline ("timeline") had got to
        return "scored-timeline";
    }

    @Override
    public Set<String> topics() {
        return CatalogEvents.topics();
    }

    @Override
    public void handle(IncomingEvent event) {
        CatalogEvents.translate(event.type(), event.id(), event.time(), event::dataAs)
                .ifPresent(scored -> projection.apply(event.tenantId(), event.subject(), scored, derivedEvents));
    }
}
