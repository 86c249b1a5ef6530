package io.trustline.incident.intake;

import io.trustline.incident.api.PsaTool;
import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.incident.incident.IncidentCommand.PsaNote;
import io.trustline.incident.incident.IncidentCommand.RecordPsaTicketUpdate;
import io.trustline.incident.incident.IncidentCommand.SetResponseTargets;
import io.trustline.incident.policy.ResponsePolicies;
import io.trustline.incident.policy.ResponsePolicy;
import io.trustline.incident.policy.ResponseTargets;
import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.ExpectationRevised;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.intake.api.PsaTicketUpdated;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Opens an incident for every issue intake reports, and holds it to the targets of the client's expectation under
 * the tenant's current response policy.
 *
 * <p>An {@code ExpectationSet} needs its incident open: intake publishes it after the issue's {@code IssueReported},
 * under the same key ({@code tenantId:clientId}), so both land on one partition and arrive in that order. One for
 * an incident that is not there fails, is retried and is dead-lettered rather than opening an incident without
 * its summary. An {@code ExpectationRevised} re-derives the targets from the revised expectation the same way.
 *
 * <p>A {@code PsaTicketUpdated} relies on the same order and key; the incident decides from its own history which
 * of the ticket's milestones are news, so a redelivered or replayed change records nothing.
 */
@ApplicationScoped
public class IntakeEventsConsumer implements CloudEventSubscriber {

    @Inject
    CommandGateway commands;
    @Inject
    ResponsePolicies policies;

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
        // the tenant is the envelope's, which the publishing service set from its authenticated caller
        if (IntakeEventTypes.ISSUE_REPORTED.equals(event.type())) {
            IssueReported reported = event.dataAs(IssueReported.class);
            commands.sendAndWait(new OpenIncident(reported.issueId(), event.tenantId(), reported.clientId(),
                    reported.summary(), reported.occurredAt()));
        } else if (IntakeEventTypes.EXPECTATION_SET.equals(event.type())) {
            ExpectationSet set = event.dataAs(ExpectationSet.class);
            commands.sendAndWait(targetsFor(set.issueId(), event.tenantId(), set.expectation(), set.occurredAt()));
        } else if (IntakeEventTypes.EXPECTATION_REVISED.equals(event.type())) {
            // the revision carries the whole expectation in force, so the targets are derived afresh from it; a new
            // resolveBy makes the old RESOLVE_BY deadline stale (it finds its instant no longer current when it fires)
            ExpectationRevised revised = event.dataAs(ExpectationRevised.class);
            commands.sendAndWait(targetsFor(revised.issueId(), event.tenantId(), revised.expectation(),
                    revised.occurredAt()));
        } else if (IntakeEventTypes.PSA_TICKET_UPDATED.equals(event.type())) {
            commands.sendAndWait(psaTicketUpdate(event.dataAs(PsaTicketUpdated.class), event.tenantId()));
        }
    }

    private static RecordPsaTicketUpdate psaTicketUpdate(PsaTicketUpdated updated, String tenantId) {
        // a PSA intake learns to name before this service does fails here, is retried and dead-lettered, not skipped
        PsaTool psa = PsaTool.valueOf(updated.psa().name());
        PsaNote note = updated.note() == null ? null
                : new PsaNote(updated.note().noteId(), updated.note().text(), updated.note().sentAt());
        return new RecordPsaTicketUpdate(updated.issueId(), tenantId, psa, updated.externalTicketId(),
                updated.occurredAt(), updated.changedAt(), updated.status(), updated.respondedAt(), updated.planAt(),
                updated.resolvedAt(), note);
    }

    private SetResponseTargets targetsFor(String issueId, String tenantId, Expectation expectation, Instant occurredAt) {
        ResponsePolicy policy = policies.current(tenantId);
        ResponseTargets targets = policy.targetsFor(expectation.what().impact(), expectation.who().scope());
        return new SetResponseTargets(issueId, tenantId, targets.acknowledge(), targets.actionPlan(),
                targets.updateEvery(), targets.resolve(), expectation.when().resolveBy(), policy.version(),
                occurredAt);
    }
}
