package io.trustline.notification.replays;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code trustline.webhooks.replays.*}: how replays and backfills read the archive. */
@ConfigMapping(prefix = "trustline.webhooks.replays")
public interface ReplaySettings {

    /** How often each instance looks for replays and backfills with events left to enqueue. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * How long an instance holds a replay it took up; renewed after every page, given back after half of it so that
     * other replays get their turn. A crashed instance's replays are taken up by another after it.
     */
    @WithDefault("PT1M")
    Duration lease();

    /** Archived events read at a time; the progress is recorded after each page. */
    @WithDefault("500")
    int pageSize();
}
