package io.trustline.platform.consumer;

import java.util.Set;

/**
 * Receives CloudEvents from Kafka topics. A service declares one CDI bean per subscriber; the platform
 * gives each its own consumer group ({@code trustline-<service>-<name>}), calls {@link #handle} once
 * per event id, commits offsets only after it returned, retries a failing event and finally moves it to
 * {@code <topic>.dlq}. A handler must be idempotent: after a crash between its effect and the record of
 * that effect, it sees the event again.
 */
public interface CloudEventSubscriber {

    /** Stable name: part of the consumer group id and of the applied-event log key. */
    String name();

    Set<String> topics();

    void handle(IncomingEvent event) throws Exception;
}
