package io.trustline.incident.incident;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.Party;
import io.trustline.incident.api.PsaTool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the provider's response to a reported issue. */
public sealed interface IncidentCommand {

    /** Start tracking the response to an issue intake reported. Idempotent: an open incident stays as it is. */
    record OpenIncident(@TargetAggregateIdentifier String issueId, String tenantId, String clientId, String summary,
                        Instant openedAt) implements IncidentCommand {
    }

    /**
     * Hold the incident to these targets, counted from when it was opened: the tenant's response policy for the
     * client's expectation ({@code policyVersion}), with the client's own {@code clientResolveBy} (null when not
     * given) before the policy's time to resolve. Idempotent: the same targets again record nothing.
     */
    record SetResponseTargets(@TargetAggregateIdentifier String issueId, String tenantId, Duration acknowledge,
                              Duration actionPlan, Duration updateEvery, Duration resolve, Instant clientResolveBy,
                              int policyVersion, Instant occurredAt) implements IncidentCommand {
    }

    /**
     * The PSA ticket that tracks the issue changed (intake's {@code PsaTicketUpdated}): the ticket's milestones as
     * known after the change, each by the PSA's clock and null while not reached; {@code changeRecordedAt} when
     * intake recorded the change, which orders one ticket's changes. The incident records only what it has not
     * recorded yet, so the same change delivered again, or an older one replayed, records nothing.
     */
    record RecordPsaTicketUpdate(@TargetAggregateIdentifier String issueId, String tenantId, PsaTool psa,
                                 String externalTicketId, Instant changeRecordedAt, Instant changedAt, String status,
                                 Instant respondedAt, Instant planAt, Instant resolvedAt, PsaNote note)
            implements IncidentCommand {
    }

    /** A customer-facing note the change added; {@code noteId} null when the PSA gives none. */
    record PsaNote(String noteId, String text, Instant sentAt) {

        /** Tells one note from another: the PSA's id, or, without one, when it was sent and what it said. */
        String key() {
            return noteId != null ? "id:" + noteId : "sent:" + sentAt + ":" + text;
        }
    }

    /**
     * A command that records a moment of an open incident. {@code occurredAt} is the moment the caller gave for
     * something recorded after the fact, or null for "now"; {@code recordedAt} is the service's clock.
     */
    sealed interface RecordsAMoment extends IncidentCommand {

        String tenantId();

        Instant occurredAt();

        Instant recordedAt();
    }

    /** Tell the client a person took the issue on. */
    record AcknowledgeIssue(@TargetAggregateIdentifier String issueId, String tenantId, String by, String note,
                            Instant occurredAt, Instant recordedAt) implements RecordsAMoment {
    }

    /** Tell the client what will be done, by whom and by when (seed 004: give the action plan). */
    record IssueActionPlan(@TargetAggregateIdentifier String issueId, String tenantId, List<String> steps, String owner,
                           Instant eta, Instant occurredAt, Instant recordedAt) implements RecordsAMoment {
    }

    /** The latest action plan was carried out (seed 004: make it happen quickly). */
    record CompleteActionPlan(@TargetAggregateIdentifier String issueId, String tenantId, String note,
                              Instant occurredAt, Instant recordedAt) implements RecordsAMoment {
    }

    /** Tell the client how things stand before they ask (seed 001). */
    record SendProactiveUpdate(@TargetAggregateIdentifier String issueId, String tenantId, String message,
                               Channel channel, Instant occurredAt, Instant recordedAt) implements RecordsAMoment {
    }

    /** The client had to ask how things stand. */
    record RecordClientChase(@TargetAggregateIdentifier String issueId, String tenantId, Channel channel, String asked,
                             Instant occurredAt, Instant recordedAt) implements RecordsAMoment {
    }

    /** Own a disruption the provider caused or failed to prevent (seed 004: admit it). */
    record AdmitServiceDisruption(@TargetAggregateIdentifier String issueId, String tenantId, Discovery discovery,
                                  String whatHappened, Instant occurredAt, Instant recordedAt) implements RecordsAMoment {
    }

    /** Something was misunderstood between provider and client (seed 004). */
    record RecordMiscommunication(@TargetAggregateIdentifier String issueId, String tenantId, String misunderstanding,
                                  Party misunderstoodBy, Instant occurredAt, Instant recordedAt)
            implements RecordsAMoment {
    }

    /** The provider considers the issue fixed. */
    record ResolveIssue(@TargetAggregateIdentifier String issueId, String tenantId, String summary, Instant occurredAt,
                        Instant recordedAt) implements RecordsAMoment {
    }

    /** The client's verdict on the resolution, against their own criteria (seed 001: HOW). */
    record ConfirmResolution(@TargetAggregateIdentifier String issueId, String tenantId, boolean howCriteriaMet,
                             List<AcceptanceCheckResult> checks, String comment, Instant occurredAt,
                             Instant recordedAt) implements RecordsAMoment {
    }

    /** A resolved issue is not resolved after all. */
    record ReopenIssue(@TargetAggregateIdentifier String issueId, String tenantId, String reason, Instant occurredAt,
                       Instant recordedAt) implements RecordsAMoment {
    }
}
