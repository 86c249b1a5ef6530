package io.trustline.intake.issue;

/**
 * A change of a ticket that is no issue yet, and names no company to report one for (an Autotask note or an update
 * without its ticket's company). Nothing was recorded.
 */
public final class PsaTicketNotTracked extends RuntimeException {

    PsaTicketNotTracked(String externalTicketId) {
        super("Ticket " + externalTicketId + " is not an issue yet and the change names no company to report it for.");
    }
}
