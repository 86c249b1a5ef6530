package io.trustline.platform.asyncapi;

import java.util.Set;

/**
 * Something a service runs that reads topics without a consumer group, such as a live stream per connection.
 * Declared as a bean so that the service's AsyncAPI document lists what it reads; a
 * {@link io.trustline.platform.consumer.CloudEventSubscriber} is listed without this.
 */
public interface TopicReader {

    /** Stable name, e.g. {@code live-stream}. */
    String name();

    Set<String> topics();

    /** What it does with what it reads, for the document's reader (Markdown). */
    String description();
}
