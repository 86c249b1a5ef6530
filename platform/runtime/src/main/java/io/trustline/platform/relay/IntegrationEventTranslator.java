package io.trustline.platform.relay;

/**
 * Translates a service's internal domain events into its published {@code *-api} events, and names the
 * topic they are published on. Every stored event must translate: an unknown payload is a bug, and the
 * relay stops on it rather than skip it.
 */
public interface IntegrationEventTranslator {

    /** The topic the events go to: the {@code *-api} module's constant, e.g. {@code IntakeTopics.EVENTS}. */
    String topic();

    IntegrationEvent translate(Object domainEventPayload);
}
