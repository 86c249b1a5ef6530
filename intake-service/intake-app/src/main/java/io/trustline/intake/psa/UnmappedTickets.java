package io.trustline.intake.psa;

import java.util.List;

/** The answer to {@code GET /integrations/{id}/unmapped}: parked tickets in the order their first change arrived. */
public record UnmappedTickets(String integrationId, List<UnmappedTicket> tickets) {
}
