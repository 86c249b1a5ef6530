package io.trustline.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every meter of the service shares: the {@code service} tag, so one Prometheus query spans the four services
 * and tells them apart; latency buckets for HTTP requests, so the dashboard can compute percentiles per route
 * across instances (Micrometer's default publishes none); and HTTP {@code uri} tags that are route templates only.
 */
@Singleton
public class MetricsSetup {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** The {@code uri} of requests refused for a missing or invalid API key before any route matched. */
    public static final String UNAUTHORIZED_URI = "UNAUTHORIZED";
    /** The {@code uri} of requests refused for a URI or body too large before any route matched. */
    public static final String TOO_LARGE_URI = "TOO_LARGE";
    private static final Duration[] HTTP_BUCKETS =
            PipelineMetrics.seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "trustline.service.name") String serviceName) {
        return MeterFilter.commonTags(List.of(Tag.of("service", serviceName)));
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos(HTTP_BUCKETS))
                        .build()
                        .merge(config);
            }
        };
    }

    /**
     * Quarkus tags a request with its route template ({@code /issues/{issueId}}) once a resource matched it. Requests
     * refused before matching — no API key (the key filter runs before matching, so an unknown path and a known one
     * are refused alike), a URI or body too large ({@code HttpRefusals}) — would be tagged with their raw path, ids
     * and all: one series per id. They get a fixed {@code uri} instead. A 401 after matching (a PSA webhook's bad
     * signature) keeps its template; a template without parameters cannot be told from a raw path and is folded in
     * too, which costs nothing an operator needs.
     */
    @Produces
    @Singleton
    MeterFilter unroutedRequestsWithoutRawPaths() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return id;
                }
                String uri = id.getTag("uri");
                String status = id.getTag("status");
                if (uri == null || status == null || uri.contains("{")) {
                    return id;
                }
                return switch (status) {
                    case "401" -> id.replaceTags(withUri(id, UNAUTHORIZED_URI));
                    case "413", "414" -> id.replaceTags(withUri(id, TOO_LARGE_URI));
                    default -> id;
                };
            }
        };
    }

    private static List<Tag> withUri(Meter.Id id, String uri) {
        return id.getTags().stream().map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", uri) : tag).toList();
    }

    private static double[] nanos(Duration[] durations) {
        double[] nanos = new double[durations.length];
        for (int i = 0; i < durations.length; i++) {
            nanos[i] = durations[i].toNanos();
        }
        return nanos;
    }
}
