package io.trustline.notification.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code trustline.ops.lag.*}: how much one {@code GET /ops/lag} may read and wait. */
@ConfigMapping(prefix = "trustline.ops.lag")
public interface OpsLagSettings {

    /** Records read per request, of all tenants, to count the unapplied events; beyond it the counts are partial. */
    @WithDefault("10000")
    int sampleLimit();

    /** Client ids listed per group; the count covers all of them. */
    @WithDefault("100")
    int clientLimit();

    /** Longest wait for each answer of Kafka; past it the request is answered 503. */
    @WithDefault("PT5S")
    Duration kafkaTimeout();

    /** Longest time spent reading the lagging records; past it the counts are partial. */
    @WithDefault("PT5S")
    Duration readTimeLimit();
}
