package io.trustline.intake.psa;

import java.time.Instant;

/**
 * A ticket whose changes are parked until its company is mapped.
 *
 * @param summary   the ticket's title from its latest parked change that sent one; null when none did
 * @param arrivedAt when its first parked change arrived
 * @param changes   how many of its changes are parked
 */
public record UnmappedTicket(String psaCompanyId, String externalTicketId, String summary, Instant arrivedAt,
                             int changes) {
}
