package io.trustline.intake.psa;

import java.time.Instant;

/** A PSA ticket change kept because the ticket's company was not mapped when it arrived. */
record ParkedChange(Object storedId, String psaCompanyId, PsaTicketChange change, Instant arrivedAt) {
}
