package io.trustline.notification.delivery;

import io.trustline.notification.webhooks.EndpointLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * An endpoint's waiting deliveries when its tenant enables it again (they are attempted, in order, from now) or
 * deletes it (they are dropped). Disabling needs nothing here: the dispatcher reads the endpoint before each
 * attempt and holds the deliveries of a disabled one.
 */
@ApplicationScoped
class EndpointQueueLifecycle {

    private final Clock clock = Clock.systemUTC();

    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookDispatcher dispatcher;

    void resume(@Observes EndpointLifecycle.Enabled enabled) {
        deliveries.resume(enabled.endpointId(), clock.instant());
        dispatcher.nudge();
    }

    void drop(@Observes EndpointLifecycle.Deleted deleted) {
        deliveries.drop(deleted.endpointId());
    }
}
