package io.trustline.notification.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code trustline.webhooks.archive.*}: how long past events stay replayable, and how often older ones are removed. */
@ConfigMapping(prefix = "trustline.webhooks.archive")
public interface ArchiveSettings {

    /** Events whose time is older than this are purged; replays and backfills cannot reach further back. */
    @WithDefault("P90D")
    Duration retention();

    /** How often each instance removes the events past retention. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /** A retention as people write it: {@code P90D} rather than Java's {@code PT2160H}. */
    static String describe(Duration retention) {
        return retention.toSeconds() % 86_400 == 0 && !retention.isZero() ? "P" + retention.toDays() + "D"
                : retention.toString();
    }
}
