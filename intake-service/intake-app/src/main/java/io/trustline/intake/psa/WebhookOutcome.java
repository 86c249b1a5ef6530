package io.trustline.intake.psa;

/** What a PSA webhook did, as its answer says. */
public enum WebhookOutcome {
    /** The ticket's first change: an issue was reported from it (200). */
    REPORTED,
    /** The ticket's status, a milestone or a customer-facing note changed: PsaTicketUpdated recorded (200). */
    UPDATED,
    /** Nothing tracked changed, or this delivery was recorded before: nothing recorded (200). */
    UNCHANGED,
    /** Older than a change recorded already: nothing recorded, nothing moves back (200). */
    STALE,
    /** Nothing Trustline follows: a deleted ticket, a note of a ticket that is no issue (200). */
    IGNORED,
    /** The ticket's company is not mapped to a client: kept until it is, then recorded (202). */
    PARKED
}
