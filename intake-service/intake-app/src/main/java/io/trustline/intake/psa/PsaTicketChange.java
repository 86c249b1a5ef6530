package io.trustline.intake.psa;

import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import java.time.Instant;
import java.util.Objects;

/**
 * One PSA webhook, read into Trustline's words: the ticket it describes as of this change. A null field is one the
 * webhook did not send (Autotask sends only some fields with an update), which keeps what is known; only a resolution
 * can be withdrawn, and only explicitly ({@link #resolutionWithdrawn}).
 *
 * @param deliveryId         what makes this delivery unique for the PSA: ConnectWise's MessageId, Autotask's
 *                           Guid+Id+SequenceNumber, Halo's ticket id with its last action; a redelivery has the same
 * @param psaCompanyId       the company the ticket belongs to, as the PSA identifies it; null when not sent
 * @param sequence           the PSA's own order of changes to the ticket (Autotask's SequenceNumber); null when the PSA
 *                           has none, and then {@code changedAt} orders them
 * @param changedAt          when the PSA last changed the ticket (its last-updated instant); null when not sent
 * @param createdAt          when the ticket was entered in the PSA; null when not sent
 * @param summary            the ticket's title; null when not sent
 * @param contact            the client contact on the ticket, the reporter; null when not sent
 * @param status             the ticket's status in the PSA's words; null when not sent
 * @param resolutionWithdrawn the PSA sent the resolved instant empty: the ticket was reopened
 * @param note               the customer-facing note this change added; null when none (internal notes never count)
 * @param url                where a person opens the ticket in the PSA; null when unknown
 */
public record PsaTicketChange(
        PsaTool psa,
        String deliveryId,
        String externalTicketId,
        String psaCompanyId,
        Long sequence,
        Instant changedAt,
        Instant createdAt,
        String summary,
        String description,
        Priority priority,
        Reporter contact,
        String status,
        Instant respondedAt,
        Instant planAt,
        Instant resolvedAt,
        boolean resolutionWithdrawn,
        PsaNote note,
        String url) {

    public PsaTicketChange {
        Objects.requireNonNull(psa, "psa");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(externalTicketId, "externalTicketId");
    }

    public static Builder of(PsaTool psa, String deliveryId, String externalTicketId) {
        return new Builder(psa, deliveryId, externalTicketId);
    }

    /** Parsers fill in what their webhook sent; the rest stays null. */
    public static final class Builder {
        private final PsaTool psa;
        private final String deliveryId;
        private final String externalTicketId;
        private String psaCompanyId;
        private Long sequence;
        private Instant changedAt;
        private Instant createdAt;
        private String summary;
        private String description;
        private Priority priority;
        private Reporter contact;
        private String status;
        private Instant respondedAt;
        private Instant planAt;
        private Instant resolvedAt;
        private boolean resolutionWithdrawn;
        private PsaNote note;
        private String url;

        private Builder(PsaTool psa, String deliveryId, String externalTicketId) {
            this.psa = psa;
            this.deliveryId = deliveryId;
            this.externalTicketId = externalTicketId;
        }

        public Builder company(String psaCompanyId) {
            this.psaCompanyId = psaCompanyId;
            return this;
        }

        public Builder sequence(Long sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder changedAt(Instant changedAt) {
            this.changedAt = changedAt;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public Builder contact(Reporter contact) {
            this.contact = contact;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder respondedAt(Instant respondedAt) {
            this.respondedAt = respondedAt;
            return this;
        }

        public Builder planAt(Instant planAt) {
            this.planAt = planAt;
            return this;
        }

        public Builder resolvedAt(Instant resolvedAt) {
            this.resolvedAt = resolvedAt;
            return this;
        }

        public Builder resolutionWithdrawn() {
            this.resolutionWithdrawn = true;
            return this;
        }

        public Builder note(PsaNote note) {
            this.note = note;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public PsaTicketChange build() {
            return new PsaTicketChange(psa, deliveryId, externalTicketId, psaCompanyId, sequence, changedAt, createdAt,
                    summary, description, priority, contact, status, respondedAt, planAt, resolvedAt,
                    resolutionWithdrawn, note, url);
        }
    }
}
