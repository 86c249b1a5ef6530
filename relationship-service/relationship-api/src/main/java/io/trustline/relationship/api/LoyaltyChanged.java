package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event moved the client's current loyalty score: the score at the end of the client's timeline differs after the
 * event from before it. Derived by the relationship service from its live scoring, never from re-scoring a
 * history under another model. A late event (one that occurred before others already scored) counts when it
 * moves the current score; it is then the cause.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#LOYALTY_CHANGED}, subject the {@code clientId}. The CloudEvent id is
 * derived from tenant, client, cause, model and type (a name-based UUID, version 5), so a redelivered cause
 * publishes this event again under the same id, never under another: consumers de-duplicate by id.
 *
 * @param tenantId     the provider (MSP). Required. Since v1.
 * @param clientId     the client organisation; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt   when the causing event occurred (also the CloudEvent {@code time}). Not when the score
 *                     was computed. Required. Since v1.
 * @param modelId      the scoring model that computed the score, {@code name@version}, e.g.
 *                     {@code trustline-default@1}. Required. Since v1.
 * @param loyalty      the client's current loyalty after the event, from 0 to 100 (50 is the neutral start). Required.
 *                     Since v1.
 * @param delta        the current loyalty after the event minus before it, in points; never 0. Required. Since v1.
 * @param causeEventId the CloudEvent id of the event that moved the score (an intake, incident or relationship
 *                     event). Required. Since v1.
 * @param changes      the loyalty changes of the points the event added to the timeline (its own point, and the
 *                     clock ticks up to it when it is the client's latest event), in timeline order. Empty when
 *                     the event moved the score only through later points (a late event rescoring what came
 *                     after it); so they need not add up to {@code delta}. Required. Since v1.
 * @since v1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoyaltyChanged(
        String tenantId,
        String clientId,
        Instant occurredAt,
        String modelId,
        Double loyalty,
        Double delta,
        String causeEventId,
        List<ScoreChange> changes) {

    public LoyaltyChanged {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(loyalty, "loyalty");
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(causeEventId, "causeEventId");
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }
}
