package io.trustline.notification.streams;

import io.trustline.platform.asyncapi.TopicReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;

/** The live streams as the service's AsyncAPI document lists them: readers of every Trustline topic. */
@ApplicationScoped
class LiveStreamReader implements TopicReader {

    @Override
    public String name() {
        return "live-stream";
    }

    @Override
    public Set<String> topics() {
        return new LinkedHashSet<>(StreamTopics.ALL);
    }

    @Override
    public String description() {
        return "Each open live stream (`GET /streams/events`, Server-Sent Events) reads every partition of the topic"
                + " with a Kafka consumer of its own and no consumer group, from the end or from where its"
                + " `Last-Event-ID` left off, and passes its tenant's events on as structured CloudEvents.";
    }
}
