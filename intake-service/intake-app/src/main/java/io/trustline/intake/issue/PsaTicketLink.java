package io.trustline.intake.issue;

import io.trustline.intake.api.PsaTicketRef;

/** The answer to {@code POST /issues/{issueId}/psa-ticket}: the ticket the issue is linked to. */
public record PsaTicketLink(String issueId, String clientId, PsaTicketRef psaTicket, String url) {

    static PsaTicketLink of(IssueEvent.PsaTicketLinked linked) {
        return new PsaTicketLink(linked.issueId(), linked.clientId(),
                new PsaTicketRef(linked.psa().name(), linked.externalTicketId()), linked.url());
    }

    static PsaTicketLink of(Issue.AlreadyLinked linked) {
        return new PsaTicketLink(linked.issueId(), linked.clientId(), linked.psaTicket(), linked.url());
    }
}
