package io.trustline.platform.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler} and {@code @QueryHandler} methods are registered with
 * Axon. Event handlers run in a subscribing processor, in the unit of work that stored the events, so a
 * read model is up to date when the command returns; their errors propagate to the caller instead of
 * being logged and skipped.
 */
public interface AxonMessageHandlers {
}
