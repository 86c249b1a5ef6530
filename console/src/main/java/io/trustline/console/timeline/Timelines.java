package io.trustline.console.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.console.services.Service;
import io.trustline.console.services.ServiceAnswer;
import io.trustline.console.services.ServiceApi;
import io.trustline.console.services.ServicePaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a client's whole scored timeline, page after page (the service answers at most 1 000 points a page, oldest
 * first), up to a bound so a client with a huge history cannot stall a page: past it the latest points are missing
 * and {@link Timeline#truncated()} says so.
 */
@ApplicationScoped
public class Timelines {

    static final int PAGE = 1000;
    private final ServiceApi services;

    Timelines(ServiceApi services) {
        this.services = services;
    }

    /** The timeline with the query's {@code asOf}/{@code model}; empty for a client the service does not know (404). */
    public CompletableFuture<Optional<Timeline>> read(String clientId, Map<String, String> query, int maxPages) {
        return page(services.sessionKey(), clientId, query, null, new ArrayList<>(), null, maxPages);
    }

    private CompletableFuture<Optional<Timeline>> page(String apiKey, String clientId, Map<String, String> query, String cursor,
                                                       List<ScorePoint> points, JsonNode first, int pagesLeft) {
        Map<String, String> pageQuery = new HashMap<>(query);
        pageQuery.put("limit", Integer.toString(PAGE));
        if (cursor != null) {
            pageQuery.put("cursor", cursor);
        }
        return services.getAsync(apiKey, Service.RELATIONSHIP, "/clients/" + ServicePaths.segment(clientId) + "/timeline", pageQuery)
                .thenCompose(answer -> {
                    if (answer.status() == 404) {
                        return CompletableFuture.completedFuture(Optional.empty());
                    }
                    requireOk(answer, clientId);
                    JsonNode body = answer.body();
                    body.path("points").forEach(point -> points.add(ScorePoint.from(point)));
                    JsonNode head = first == null ? body : first;
                    String next = body.path("nextCursor").asText(null);
                    if (next == null || pagesLeft <= 1) {
                        return CompletableFuture.completedFuture(Optional.of(new Timeline(head.path("clientId").asText(clientId),
                                head.path("modelId").asText(), head.path("asOf").asText(null),
                                head.path("trust").asDouble(), head.path("loyalty").asDouble(), List.copyOf(points), next != null)));
                    }
                    return page(apiKey, clientId, query, next, points, head, pagesLeft - 1);
                });
    }

    private static void requireOk(ServiceAnswer answer, String clientId) {
        if (!answer.ok()) {
            throw new TimelineRefused(clientId, answer);
        }
    }
}
