package io.trustline.relationship.portfolio;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ClientEvent.MeetingHeld;
import io.trustline.relationship.scoring.ScoredHistory;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * One client of the portfolio as assessed at {@code assessedAt}: the scores then and their 30-day trends, the churn
 * risk, the last review meeting and when the next is due.
 *
 * @param modelId          the model that scored the client, {@code name@version}
 * @param assessedAt       the instant assessed: the clock ticks up to it count, so time alone moves these values
 * @param eventCount       how many of the client's events the assessment reflects
 * @param lastMeeting      the latest {@code MeetingHeld}, or null when none is on record
 * @param nextMeetingDueAt when the next review meeting is due: the last meeting (or the first event, without one)
 *                         plus the agreed cadence, or the model's default cadence when none was agreed
 */
public record PortfolioEntry(String clientId, String modelId, Instant assessedAt, int eventCount, Score trust,
                             Score loyalty, Risk risk, LastMeeting lastMeeting, Instant nextMeetingDueAt) {

    /**
     * @param now           the score at {@code assessedAt}, 0–100
     * @param trend30Days   the score now minus the score 30 days before (negative: falling)
     */
    public record Score(double now, double trend30Days) {
    }

    /** @param causes each cause naming its events; empty for NONE */
    public record Risk(ChurnRisk.Level level, List<RiskCause> causes) {
    }

    /** @param faceToFace whether it was held in person (the engine's input knows no more of its kind) */
    public record LastMeeting(String eventId, Instant at, boolean faceToFace) {
    }

    /** The client's entry as of {@code asOf}, computed from its events. */
    static PortfolioEntry assess(String clientId, ScoringEngine engine, Collection<ClientEvent> events, Instant asOf) {
        return assess(clientId, engine.score(events), asOf);
    }

    /** The client's entry as of {@code asOf}, from its scored history. */
    static PortfolioEntry assess(String clientId, ScoredHistory history, Instant asOf) {
        Timeline timeline = history.timelineAsOf(asOf);
        ChurnRisk risk = history.engine().churnRisk(timeline, asOf);
        Trends trends = Trends.over(timeline, Trends.WINDOW);
        List<TimelinePoint> points = timeline.points();
        return new PortfolioEntry(clientId, timeline.modelId(), asOf, history.eventCount(),
                new Score(timeline.trust(), trends.trust()), new Score(timeline.loyalty(), trends.loyalty()),
                new Risk(risk.level(), RiskCause.of(risk.causes(), timeline)), lastMeeting(points),
                points.isEmpty() ? null : points.get(points.size() - 1).meetingDueAt());
    }

    private static LastMeeting lastMeeting(List<TimelinePoint> points) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).event() instanceof MeetingHeld meeting) {
                return new LastMeeting(meeting.eventId(), meeting.occurredAt(), meeting.faceToFace());
            }
        }
        return null;
    }
}
