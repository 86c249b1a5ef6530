package io.trustline.relationship.timeline;

import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.rest.OpaqueCursor;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoringmodel.ActiveModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a client's scored timeline. The timeline under the tenant's active model, up to the latest event, is read
 * from the stored points; a past instant ({@code asOf}) or another model (a what-if) is computed from the stored
 * events, because those timelines are asked for rarely and differ per question.
 */
@ApplicationScoped
class TimelineQueries {

    @Inject
    ScoredTimelines timelines;
    @Inject
    ClientEvents events;
    @Inject
    ActiveModels models;

    ClientTimeline timeline(String tenantId, String clientId, Instant asOf, String modelId, String after, int limit) {
        ScoringEngine engine = modelId == null ? models.of(tenantId) : models.byId(tenantId, modelId).orElseThrow(() ->
                new InvalidFieldException("model", "'" + modelId + "' is not a model this service knows; known: "
                        + String.join(", ", models.knownIds(tenantId)) + "."));
        String active = models.of(tenantId).model().id();
        if (asOf == null && engine.model().id().equals(active)) {
            Optional<ClientTimelineSummary> stored = timelines.summary(tenantId, clientId)
                    // a summary of no events is a client's first write, its event not stored yet or not scored
                    .filter(summary -> summary.modelId().equals(active) && summary.eventCount() > 0);
            if (stored.isPresent()) {
                return fromStore(tenantId, stored.get(), after, limit);
            }
        }
        return computed(tenantId, clientId, engine, asOf, after, limit);
    }

    private ClientTimeline fromStore(String tenantId, ClientTimelineSummary summary, String after, int limit) {
        ScoredTimelines.Page page = timelines.page(tenantId, summary.clientId(), summary.modelId(), after, limit);
        return new ClientTimeline(summary.clientId(), summary.modelId(), summary.lastEventAt(), summary.trust(),
                summary.loyalty(), page.points(), OpaqueCursor.encode(page.lastPosition()));
    }

    private ClientTimeline computed(String tenantId, String clientId, ScoringEngine engine, Instant asOf, String after,
                                    int limit) {
        List<ClientEvent> history = asOf == null ? events.all(tenantId, clientId) : events.upTo(tenantId, clientId, asOf);
        if (history.isEmpty() && !events.any(tenantId, clientId)) {
            throw new UnknownResourceException("client", clientId);
        }
        Timeline timeline = asOf == null ? engine.timeline(history) : engine.timelineAsOf(history, asOf);
        List<TimelinePoint> points = timeline.points();
        int from = 0;
        if (after != null) {
            while (from < points.size() && PointPosition.of(points.get(from)).compareTo(after) <= 0) {
                from++;
            }
        }
        int to = (int) Math.min(points.size(), (long) from + limit);
        String lastPosition = to < points.size() ? PointPosition.of(points.get(to - 1)) : null;
        return new ClientTimeline(clientId, timeline.modelId(), timeline.asOf(), timeline.trust(), timeline.loyalty(),
                points.subList(from, to).stream().map(ScoredPoint::of).toList(), OpaqueCursor.encode(lastPosition));
    }
}
