package io.trustline.platform.axon;

/**
 * Marks a CDI bean whose {@code @EventHandler} and {@code @QueryHandler} methods are registered with
 * Axon. The event handlers of one bean form one read model, fed from the event store by its own tracking
 * processor (named after the bean's class, its token in MongoDB, shared by every instance of the service):
 * they run after the command's events are stored, never inside the request that stored them, so a read
 * model that fails cannot turn an accepted command into an error. A failed handler stops its processor,
 * which retries the same events until they succeed; handlers must therefore be idempotent upserts.
 * Read models are eventually consistent: a command answers from its own result, not from a read model.
 */
public interface AxonMessageHandlers {
}
