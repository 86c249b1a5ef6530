package io.trustline.relationship.timeline;

import static io.trustline.testkit.TestTenants.TENANT_A;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.trustline.incident.api.ActionPlanIssued;
import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentOpened;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.incident.api.IssueAcknowledged;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Duration;
import java.util.UUID;

/**
 * One issue of a client of tenant A, its events published to Kafka from the producers' golden examples, shifted in
 * time if asked. Each method returns the id the event was published under.
 */
final class CatalogIssue {

    // one generator: UUIDv7 ids are monotonic only within the generator that made them
    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    final String clientId;
    final String issueId = UUID.randomUUID().toString();
    final Duration later;

    CatalogIssue(String clientId) {
        this(clientId, Duration.ZERO);
    }

    CatalogIssue(String clientId, Duration later) {
        this.clientId = clientId;
        this.later = later;
    }

    static String nextEventId() {
        return EVENT_IDS.generate().toString();
    }

    String report() {
        return publish(IntakeTopics.EVENTS, nextEventId(), IntakeEventTypes.ISSUE_REPORTED, IssueReported.class);
    }

    String expect() {
        return publish(IntakeTopics.EVENTS, nextEventId(), IntakeEventTypes.EXPECTATION_SET, ExpectationSet.class);
    }

    String opened() {
        return publish(IncidentTopics.EVENTS, nextEventId(), IncidentEventTypes.INCIDENT_OPENED, IncidentOpened.class);
    }

    String acknowledge() {
        return publish(IncidentTopics.EVENTS, nextEventId(), IncidentEventTypes.ISSUE_ACKNOWLEDGED,
                IssueAcknowledged.class);
    }

    String plan() {
        return publish(IncidentTopics.EVENTS, nextEventId(), IncidentEventTypes.ACTION_PLAN_ISSUED,
                ActionPlanIssued.class);
    }

    String miss() {
        return publish(IncidentTopics.EVENTS, nextEventId(), IncidentEventTypes.EXPECTATION_MISSED,
                ExpectationMissed.class);
    }

    /** Publishes (or publishes again, under an id already used) the golden example of {@code event}. */
    String publish(String topic, String eventId, String type, Class<?> event) {
        GoldenExample<?> example = GoldenJson.exampleOfIssue(event, TENANT_A, clientId, issueId);
        example = example.with("occurredAt", example.instant("occurredAt").plus(later));
        KafkaTestTopics.publishEvent(topic, eventId, type, example);
        return eventId;
    }
}
