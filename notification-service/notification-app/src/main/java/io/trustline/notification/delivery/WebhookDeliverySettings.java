package io.trustline.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** {@code trustline.webhooks.*}: how deliveries are scheduled, attempted and given up. */
@ConfigMapping(prefix = "trustline.webhooks.delivery")
public interface WebhookDeliverySettings {

    /** How often each instance looks for endpoints with a delivery due. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * Delay before each attempt of one delivery, the first before attempt 1: Svix's schedule by default. When it is
     * exhausted the delivery is given up.
     */
    @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** An endpoint whose attempts have all failed for this long (since its last success) is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Longest wait for an answer, its body included. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** Bytes of an answer's body read (and discarded); the rest is not waited for. */
    @WithDefault("65536")
    int responseLimit();

    /** Endpoints attempted at the same time by one instance; each has at most one attempt in flight. */
    @WithDefault("8")
    int workers();

    /**
     * How long an instance holds an endpoint it claimed; it stops attempting after half of it, so an attempt
     * (at most connect + request timeout) must fit in the other half. A crashed instance's claims expire after it.
     */
    @WithDefault("PT1M")
    Duration lease();
}
