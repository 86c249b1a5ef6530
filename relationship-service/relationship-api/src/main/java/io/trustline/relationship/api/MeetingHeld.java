package io.trustline.relationship.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The provider met the client (seed 002: open, ongoing communication, starting with monthly meetings, ideally
 * face to face). A meeting is a contact with the client and restarts the count towards the next meeting due
 * under the {@link MeetingCadenceAgreed agreed cadence}.
 *
 * <p>CloudEvent type {@value RelationshipEventTypes#MEETING_HELD}, subject the {@code clientId}.
 *
 * @param tenantId   the provider (MSP) that met its client. Required. Since v1.
 * @param clientId   the client organisation met; also the CloudEvent subject. Required. Since v1.
 * @param occurredAt when the meeting took place: the moment the caller gave when recording it after the fact,
 *                   otherwise the relationship service's clock when it was recorded; never more than 2 minutes
 *                   ahead of that clock. Not when this event was published. Required. Since v1.
 * @param kind       what the meeting was for. Required. Since v1.
 * @param faceToFace true when the people met in person, false for a call or a video meeting. Required. Since v1.
 * @param attendees  who took part, from both sides, as names or roles (free text, not user ids), in the order
 *                   given; unmodifiable. Required: at least one. Since v1.
 * @param notes      what was discussed or agreed. Optional: null when no notes were taken. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingHeld(
        String tenantId,
        String clientId,
        Instant occurredAt,
        MeetingKind kind,
        Boolean faceToFace,
        List<String> attendees,
        String notes) {

    public MeetingHeld {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(faceToFace, "faceToFace");
        attendees = List.copyOf(Objects.requireNonNull(attendees, "attendees"));
        if (attendees.isEmpty()) {
            throw new IllegalArgumentException("attendees must name at least one person");
        }
    }
}
