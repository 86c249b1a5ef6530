package io.trustline.platform.relay;

/**
 * Translates a service's internal domain events into its published {@code *-api} events. Every stored
 * event must translate: an unknown payload is a bug, and the relay stops on it rather than skip it.
 */
public interface IntegrationEventTranslator {

    IntegrationEvent translate(Object domainEventPayload);
}
