package io.trustline.intake.issue;

import io.trustline.intake.api.PsaTool;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * One PSA ticket, one issue: the issue's id is named by the tenant, the PSA tool and the ticket's id in it, so a
 * ticket reported through {@code POST /issues} and the same ticket arriving by webhook meet in one aggregate, and two
 * deliveries of a new ticket cannot create two issues (the event store refuses a second stream with that id).
 */
public final class PsaTickets {

    private PsaTickets() {
    }

    public static String issueIdFor(String tenantId, PsaTool psa, String externalTicketId) {
        return issueIdFor(tenantId, psa.name(), externalTicketId);
    }

    /**
     * For a report's free-text PSA name: the tools' names in any case, and {@code HALOPSA} for Halo, name the same
     * issue as their webhooks do.
     */
    static String issueIdFor(String tenantId, String psa, String externalTicketId) {
        String tool = psa.trim().toUpperCase(Locale.ROOT);
        if (tool.equals("HALOPSA")) {
            tool = PsaTool.HALO.name();
        }
        return UUID.nameUUIDFromBytes(("psa-ticket|" + tenantId + "|" + tool + "|" + externalTicketId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
