package io.trustline.notification.streams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code trustline.streams.*}: how live event streams keep connections open and protect the service. */
@ConfigMapping(prefix = "trustline.streams")
public interface StreamSettings {

    /** A stream that sent nothing for this long sends a comment, so proxies and clients keep an idle connection. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** A client that takes no event for this long while its buffer is full is cut off. */
    @WithDefault("PT10S")
    Duration slowReaderTimeout();

    /** Events written to a connection and not yet taken by its client, at most; then the stream waits for it. */
    @WithDefault("128")
    int bufferSize();

    /** Streams open at once on one instance; one more is answered 503. Each has a thread and a Kafka consumer. */
    @WithDefault("100")
    int maxConnections();

    /** How often a stream looks for partitions (or topics) that appeared since it started. */
    @WithDefault("PT1M")
    Duration partitionRefresh();
}
