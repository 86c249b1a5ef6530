package io.trustline.intake.issue;

/** What recording a PSA ticket's change did to its issue. */
public enum PsaTicketOutcome {
    /** The ticket's first change: the issue was reported from it. */
    REPORTED,
    /** The ticket's status, a milestone or a customer-facing note changed: {@code PsaTicketUpdated} recorded. */
    UPDATED,
    /** Nothing Trustline tracks changed, or this very delivery was recorded before: nothing recorded. */
    UNCHANGED,
    /** Older than a change already recorded (by the PSA's sequence, else its changed instant): nothing recorded. */
    STALE
}
