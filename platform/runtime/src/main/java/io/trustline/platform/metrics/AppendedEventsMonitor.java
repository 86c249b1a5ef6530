package io.trustline.platform.metrics;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Counts the events the event store appended. Axon reports an event's success after its unit of work committed, and
 * a failure when it rolled back, so a command refused after applying an event counts nothing.
 */
public final class AppendedEventsMonitor implements MessageMonitor<EventMessage<?>> {

    private final PipelineMetrics metrics;

    public AppendedEventsMonitor(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        String type = message.getPayloadType().getSimpleName();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                metrics.appended(type);
            }

            @Override
            public void reportFailure(Throwable cause) {
                // not stored: nothing to count
            }

            @Override
            public void reportIgnored() {
                // not stored: nothing to count
            }
        };
    }
}
