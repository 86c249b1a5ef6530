package io.trustline.relationship.moments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A stored moment and the id of the event that holds it, which is also the id of the CloudEvent it is published
 * as; what every command answers, and the body of its 201 or 200. The tenant is left out of the body: the
 * caller's API key already names it.
 */
@JsonPropertyOrder({"eventId", "eventType"})
public record RecordedMoment(String eventId,
                             @JsonUnwrapped @JsonIgnoreProperties("tenantId") RelationshipEvent moment) {

    /** The moment's event name, e.g. {@code MeetingHeld}. */
    @JsonProperty
    public String eventType() {
        return moment.getClass().getSimpleName();
    }
}
