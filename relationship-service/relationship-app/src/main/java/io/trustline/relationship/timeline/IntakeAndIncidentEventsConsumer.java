package io.trustline.relationship.timeline;

import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/**
 * Puts the events that shape a client relationship on the client's timeline. {@code IncidentOpened} is
 * left out: it mirrors {@code IssueReported} and would say the same moment twice.
 */
@ApplicationScoped
public class IntakeAndIncidentEventsConsumer implements CloudEventSubscriber {

    private static final Map<String, String> SHORT_NAMES = Map.of(
            IntakeEventTypes.ISSUE_REPORTED, "IssueReported",
            IntakeEventTypes.EXPECTATION_SET, "ExpectationSet",
            IncidentEventTypes.ACTION_PLAN_ISSUED, "ActionPlanIssued");

    /** The fields of an issue-scoped event the timeline needs; all of the catalog's issue events carry them. */
    record IssueScoped(String clientId, String issueId) {
    }

    @Inject
    ClientTimelines timelines;

    @Override
    public String name() {
        // older than the class name; it is the consumer group id and the applied-event log key, so keep it
        return "timeline";
    }

    @Override
    public Set<String> topics() {
        return Set.of(IntakeTopics.EVENTS, IncidentTopics.EVENTS);
    }

    @Override
    public void handle(IncomingEvent event) {
        String shortName = SHORT_NAMES.get(event.type());
        if (shortName == null) {
            return;
        }
        IssueScoped data = event.dataAs(IssueScoped.class);
        timelines.add(event.tenantId(), event.subject(), new TimelineEntry(shortName, event.id(), event.time(),
                data.issueId(), event.type(), event.cloudEvent().getSource().toString()));
    }
}
