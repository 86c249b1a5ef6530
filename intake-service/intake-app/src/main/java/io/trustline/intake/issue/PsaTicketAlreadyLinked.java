package io.trustline.intake.issue;

import io.trustline.intake.api.PsaTicketRef;

/** The issue is linked to another PSA ticket; an issue tracks one. Nothing was recorded. */
public final class PsaTicketAlreadyLinked extends RuntimeException {

    private final PsaTicketRef linked;

    PsaTicketAlreadyLinked(String issueId, PsaTicketRef linked) {
        super("Issue " + issueId + " is already linked to " + linked.psa() + " ticket " + linked.externalTicketId()
                + "; an issue is linked to one ticket.");
        this.linked = linked;
    }

    /** The ticket the issue is linked to. */
    public PsaTicketRef linked() {
        return linked;
    }
}
