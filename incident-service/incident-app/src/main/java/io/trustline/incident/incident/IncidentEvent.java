package io.trustline.incident.incident;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationDimension;
import io.trustline.incident.api.Party;
import io.trustline.incident.api.PsaTool;
import io.trustline.incident.api.ResponsePhase;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Stored domain events of an incident; translated to {@code incident-api} events for other services. */
public sealed interface IncidentEvent {

    String issueId();

    String tenantId();

    String clientId();

    /** When the moment happened (the domain time; for the first two events its older name). */
    Instant occurredAt();

    @Revision("1")
    record IncidentOpened(String issueId, String tenantId, String clientId, String summary, Instant openedAt)
            implements IncidentEvent {

        @Override
        public Instant occurredAt() {
            return openedAt;
        }
    }

    /**
     * Where a moment learnt from the provider's PSA came from (null on a moment recorded through the API): the tool,
     * its ticket, {@code ticketChangeRecordedAt} when intake recorded the ticket change that told it (the
     * {@code occurredAt} of its {@code PsaTicketUpdated}, which orders the changes of one ticket) and, for a moment
     * that was a customer-facing note, {@code noteKey}: the note's identity (the PSA's note id, or its instant and
     * text when the PSA gives none), so that each note is recorded once. Revision 2 of the events that carry it
     * added it; a revision 1 event reads with none.
     */
    record PsaOrigin(PsaTool psa, String externalTicketId, Instant ticketChangeRecordedAt, String noteKey) {
    }

    /** {@code issuedAt}: when the client got the plan (the caller's {@code occurredAt}, or when it was recorded). */
    @Revision("2")
    record ActionPlanIssued(String issueId, String tenantId, String clientId, List<String> steps, String owner,
                            Instant eta, Instant issuedAt, PsaOrigin source) implements IncidentEvent {

        public ActionPlanIssued {
            steps = List.copyOf(steps);
        }

        @Override
        public Instant occurredAt() {
            return issuedAt;
        }
    }

    /**
     * The deadlines the incident is held to: {@code acknowledgeBy}, {@code planBy} and {@code resolveBy} are
     * instants ({@code resolveBy} the client's own when they gave one), {@code updateEvery} the longest the client
     * may go without an update, {@code policyVersion} the tenant's response policy they came from (0: built-in);
     * {@code occurredAt} when the incident learnt the expectation they follow from.
     */
    @Revision("1")
    record ResponseTargetsSet(String issueId, String tenantId, String clientId, Instant acknowledgeBy, Instant planBy,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) Duration updateEvery, Instant resolveBy,
                              int policyVersion, Instant occurredAt) implements IncidentEvent {

        /** The same deadlines from the same policy version, whenever they were learnt. */
        boolean sameTargetsAs(ResponseTargetsSet other) {
            return other != null && acknowledgeBy.equals(other.acknowledgeBy) && planBy.equals(other.planBy)
                    && updateEvery.equals(other.updateEvery) && resolveBy.equals(other.resolveBy)
                    && policyVersion == other.policyVersion;
        }
    }

    @Revision("2")
    record IssueAcknowledged(String issueId, String tenantId, String clientId, String by, String note,
                             Instant occurredAt, PsaOrigin source) implements IncidentEvent {
    }

    @Revision("1")
    record ActionPlanCompleted(String issueId, String tenantId, String clientId, String note, Instant occurredAt)
            implements IncidentEvent {
    }

    /** {@code number}: 1 for the incident's first update, so the read model can count with idempotent upserts. */
    @Revision("2")
    record ProactiveUpdateSent(String issueId, String tenantId, String clientId, String message, Channel channel,
                               int number, Instant occurredAt, PsaOrigin source) implements IncidentEvent {
    }

    /** {@code number}: 1 for the first time the client chased this incident. */
    @Revision("1")
    record ClientChasedUpdate(String issueId, String tenantId, String clientId, Channel channel, String asked,
                              int number, Instant occurredAt) implements IncidentEvent {
    }

    @Revision("1")
    record ServiceDisruptionAdmitted(String issueId, String tenantId, String clientId, Discovery discovery,
                                     String whatHappened, Instant occurredAt) implements IncidentEvent {
    }

    @Revision("1")
    record MiscommunicationRecorded(String issueId, String tenantId, String clientId, String misunderstanding,
                                    Party misunderstoodBy, Instant occurredAt) implements IncidentEvent {
    }

    @Revision("2")
    record IssueResolved(String issueId, String tenantId, String clientId, String summary, Instant occurredAt,
                         PsaOrigin source) implements IncidentEvent {
    }

    @Revision("1")
    record ResolutionConfirmed(String issueId, String tenantId, String clientId, boolean howCriteriaMet,
                               List<AcceptanceCheckResult> checks, String comment, Instant occurredAt)
            implements IncidentEvent {

        public ResolutionConfirmed {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    @Revision("2")
    record IssueReopened(String issueId, String tenantId, String clientId, String reason, Instant occurredAt,
                         PsaOrigin source) implements IncidentEvent {
    }
    /** Recorded by a deadline: {@code occurredAt} is the target that passed, not when the scheduler noticed. */
    @Revision("1")
    record ResponseTargetMissed(String issueId, String tenantId, String clientId, ResponsePhase phase,
                                Instant occurredAt) implements IncidentEvent {
    }

    /**
     * Recorded by a deadline: {@code occurredAt} = {@code since} + {@code updateEvery}, and the next interval counts
     * from it.
     */
    @Revision("1")
    record ProactiveUpdateOverdue(String issueId, String tenantId, String clientId, Instant since,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING) Duration updateEvery,
                                  Instant occurredAt) implements IncidentEvent {
    }

    /** Recorded with the client's confirmation: resolved by {@code resolveBy} and their criteria met. */
    @Revision("1")
    record ExpectationMet(String issueId, String tenantId, String clientId, Instant resolveBy, Instant resolvedAt,
                          Instant occurredAt) implements IncidentEvent {
    }

    /**
     * Recorded by the resolve-by deadline ({@code [WHEN]}, {@code resolvedAt} null, {@code occurredAt} =
     * {@code resolveBy}) or with the client's confirmation (the dimensions missed).
     */
    @Revision("1")
    record ExpectationMissed(String issueId, String tenantId, String clientId, List<ExpectationDimension> dimensions,
                             Instant resolveBy, Instant resolvedAt, Instant occurredAt) implements IncidentEvent {

        public ExpectationMissed {
            dimensions = List.copyOf(dimensions);
        }
    }
}
