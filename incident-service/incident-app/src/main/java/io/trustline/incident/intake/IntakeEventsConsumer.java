package io.trustline.incident.intake;

import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Opens an incident for every issue intake reports. */
@ApplicationScoped
public class IntakeEventsConsumer implements CloudEventSubscriber {

    @Inject
    CommandGateway commands;

    @Override
    public String name() {
        return "intake-events";
    }

    @Override
    public Set<String> topics() {
        return Set.of(IntakeTopics.EVENTS);
    }

    @Override
    public void handle(IncomingEvent event) {
        if (!IntakeEventTypes.ISSUE_REPORTED.equals(event.type())) {
            return;
        }
        IssueReported reported = event.dataAs(IssueReported.class);
        // the tenant is the envelope's, which the publishing service set from its authenticated caller
        commands.sendAndWait(new OpenIncident(reported.issueId(), event.tenantId(), reported.clientId(),
                reported.summary(), reported.occurredAt()));
    }
}
