package io.trustline.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox relay and every read model: a tracking processor whose handler keeps failing
 * retries the same events without end, which would otherwise only show in the logs.
 */
@ApplicationScoped
@Readiness
public class EventProcessorsHealth implements HealthCheck {

    @Inject
    AxonRuntime axon;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-processors").up();
        axon.configuration().eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                boolean failing = tracking.isError();
                response.withData(name, failing ? "failing, retrying the same events" : "running");
                if (failing) {
                    response.down();
                }
            }
        });
        return response.build();
    }
}
