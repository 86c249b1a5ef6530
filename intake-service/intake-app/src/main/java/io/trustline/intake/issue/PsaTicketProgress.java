package io.trustline.intake.issue;

import io.trustline.intake.api.PsaNote;
import io.trustline.intake.issue.IssueCommand.PsaTicketFacts;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How far an issue's PSA ticket has got, as its recorded changes say, and whether a new change moves it on. A change
 * never moves it back: one older than a change recorded already is stale, by the PSA's sequence when both have one
 * (Autotask), else by the instant the PSA says the ticket changed (Halo); a delivery recorded before is a redelivery.
 */
final class PsaTicketProgress {

    /** What a change does to the ticket's progress. */
    enum Verdict {
        /** Moves the status, a milestone or adds a customer-facing note. */
        CHANGED,
        /** A redelivery, or nothing tracked moves. */
        UNCHANGED,
        /** Older than a change recorded already. */
        STALE
    }

    /** The tracked state of the ticket after a change. */
    record Milestones(String status, Instant respondedAt, Instant planAt, Instant resolvedAt) {
    }

    private Long lastSequence;
    private Instant lastChangedAt;
    private final Set<String> deliveryIds = new HashSet<>();
    private final Set<String> noteIds = new HashSet<>();
    private Milestones milestones = new Milestones(null, null, null, null);

    Verdict judge(PsaTicketFacts change) {
        if (deliveryIds.contains(change.deliveryId())) {
            return Verdict.UNCHANGED;
        }
        if (isOlder(change)) {
            return Verdict.STALE;
        }
        if (after(change).equals(milestones) && newNote(change) == null) {
            return Verdict.UNCHANGED;
        }
        return Verdict.CHANGED;
    }

    /** The milestones once the change is applied: what it did not send is kept; only a reopen clears resolvedAt. */
    Milestones after(PsaTicketFacts change) {
        return new Milestones(
                change.status() == null ? milestones.status() : change.status(),
                change.respondedAt() == null ? milestones.respondedAt() : change.respondedAt(),
                change.planAt() == null ? milestones.planAt() : change.planAt(),
                change.resolutionWithdrawn() ? null
                        : change.resolvedAt() == null ? milestones.resolvedAt() : change.resolvedAt());
    }

    /** The change's customer-facing note, unless that note was recorded before. */
    PsaNote newNote(PsaTicketFacts change) {
        PsaNote note = change.note();
        if (note == null || (note.noteId() != null && noteIds.contains(note.noteId()))) {
            return null;
        }
        return note;
    }

    void recorded(IssueEvent.PsaTicketUpdated event) {
        if (event.sequence() != null && (lastSequence == null || event.sequence() > lastSequence)) {
            lastSequence = event.sequence();
        }
        if (event.changedAt() != null && (lastChangedAt == null || event.changedAt().isAfter(lastChangedAt))) {
            lastChangedAt = event.changedAt();
        }
        deliveryIds.add(event.deliveryId());
        if (event.note() != null && event.note().noteId() != null) {
            noteIds.add(event.note().noteId());
        }
        milestones = new Milestones(event.status(), event.respondedAt(), event.planAt(), event.resolvedAt());
    }

    private boolean isOlder(PsaTicketFacts change) {
        if (change.sequence() != null && lastSequence != null) {
            return change.sequence() <= lastSequence;
        }
        // the same instant is not older: Halo stamps two actions of one second alike, and their delivery ids differ
        return change.changedAt() != null && lastChangedAt != null && change.changedAt().isBefore(lastChangedAt);
    }

    @Override
    public String toString() {
        return "PsaTicketProgress[sequence=" + lastSequence + ", changedAt=" + lastChangedAt + ", "
                + Objects.toString(milestones) + "]";
    }
}
