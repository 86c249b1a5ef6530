package io.trustline.notification.streams;

import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.relationship.api.RelationshipTopics;
import java.util.List;

/** The topics a live stream reads: every Trustline event topic. */
final class StreamTopics {

    /** A resume token names a topic by its place in this list, so a topic is only ever appended. */
    static final List<String> ALL = List.of(IntakeTopics.EVENTS, IncidentTopics.EVENTS, RelationshipTopics.EVENTS,
            NotificationTopics.EVENTS);

    private StreamTopics() {
    }
}
