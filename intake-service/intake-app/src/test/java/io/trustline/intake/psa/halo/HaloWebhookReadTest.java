package io.trustline.intake.psa.halo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.PsaFixtures;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloWebhookReadTest {

    private final HaloWebhookFormat format = new HaloWebhookFormat();

    @Test
    void newTicket_isReadWithItsContactAndClient_andNoMilestoneYet() {
        PsaTicketChange change = read(PsaFixtures.text("halo/new-ticket-logged.json"));

        assertThat(change).isEqualTo(PsaTicketChange.of(PsaTool.HALO, "4242:updated:2026-09-25T06:12:31Z", "4242")
                .company("12")
                .changedAt(Instant.parse("2026-09-25T06:12:31Z"))
                .createdAt(Instant.parse("2026-09-25T06:12:30Z"))
                .summary("Payroll server unreachable")
                .description("Nobody in accounts can reach the payroll server since this morning.")
                .priority(Priority.HIGH)
                .contact(new Reporter("Dana Office", "dana@acme-dental.example", null))
                .status("New")
                .build());
    }

    @Test
    void responseWithANoteTheUserSees_isReadAsRespondedWithThatNote() {
        PsaTicketChange change = read(PsaFixtures.text("halo/customer-note-added.json"));

        assertThat(change.deliveryId()).isEqualTo("4242:action:17");
        assertThat(change.respondedAt()).isEqualTo(Instant.parse("2026-09-25T06:41:07Z"));
        assertThat(change.status()).isEqualTo("In Progress");
        assertThat(change.note()).isEqualTo(new PsaNote("17",
                "We are looking at the payroll server now and will update you within the hour.",
                Instant.parse("2026-09-25T06:41:07Z")));
        assertThat(change.planAt()).isNull();
        assertThat(change.resolvedAt()).isNull();
    }

    @Test
    void noteHiddenFromTheUser_isNeverANote() {
        PsaTicketChange change = read(PsaFixtures.text("halo/internal-note-added.json"));

        assertThat(change.note()).isNull();
        assertThat(change.deliveryId()).isEqualTo("4242:action:18");
    }

    @Test
    void noteWithoutHiddenFromUser_isTreatedAsInternal() {
        PsaTicketChange change = read(PsaFixtures.text("halo/customer-note-added.json")
                .replace("\"hiddenfromuser\": false,", ""));

        assertThat(change.note()).isNull();
    }

    @Test
    void closedTicket_isResolvedAtItsClosure() {
        PsaTicketChange change = read(PsaFixtures.text("halo/ticket-closed.json"));

        assertThat(change.resolvedAt()).isEqualTo(Instant.parse("2026-09-25T13:05:11Z"));
        assertThat(change.resolutionWithdrawn()).isFalse();
        assertThat(change.status()).isEqualTo("Closed");
        assertThat(change.note().text()).startsWith("The disk is replaced");
    }

    @Test
    void reopenedTicket_withdrawsTheResolution() {
        PsaTicketChange change = read(PsaFixtures.text("halo/ticket-reopened.json"));

        assertThat(change.resolvedAt()).isNull();
        assertThat(change.resolutionWithdrawn()).isTrue();
        assertThat(change.deliveryId()).isEqualTo("4242:action:31");
    }

    @Test
    void redelivery_hasTheSameDeliveryId_andTheNextChangeAnother() {
        String body = PsaFixtures.text("halo/customer-note-added.json");

        assertThat(read(body).deliveryId()).isEqualTo(read(body).deliveryId());
        assertThat(read(PsaFixtures.text("halo/internal-note-added.json")).deliveryId())
                .isNotEqualTo(read(body).deliveryId());
    }

    @Test
    void ticketObjectSentAlone_readsAsTheWrappedOne() {
        String wrapped = PsaFixtures.text("halo/new-ticket-logged.json");
        String ticketAlone = wrapped.substring(wrapped.indexOf("\"ticket\": {") + 10, wrapped.lastIndexOf('}'));

        assertThat(read(ticketAlone)).isEqualTo(read(wrapped));
    }

    @Test
    void eventInformationOnly_isMalformed_askingForTheFullObject() {
        assertThatThrownBy(() -> read(PsaFixtures.text("halo/event-information-only.json")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("'ticket status changed'")
                .hasMessageContaining("full object");
    }

    @Test
    void batchedDelivery_isMalformed_askingToTurnBatchingOff() {
        String batch = "[" + PsaFixtures.text("halo/new-ticket-logged.json") + "]";

        assertThatThrownBy(() -> read(batch))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Batching off");
    }

    @Test
    void bodyThatIsNotJson_isMalformed() {
        assertThatThrownBy(() -> read("<xml/>"))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void dateThatIsNotADateTime_isMalformed_namingTheField() {
        assertThatThrownBy(() -> read(PsaFixtures.text("halo/ticket-closed.json")
                .replace("\"dateclosed\": \"2026-09-25T13:05:11\"", "\"dateclosed\": \"25/09/2026\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("ticket.dateclosed");
    }

    @Test
    void clientIdAsText_isMalformed_notCoerced() {
        assertThatThrownBy(() -> read(PsaFixtures.text("halo/new-ticket-logged.json")
                .replace("\"client_id\": 12", "\"client_id\": \"12\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("ticket.client_id");
    }

    @Test
    void priority_isReadByNameWhenSent_otherwiseByHalosDefaultIds() {
        String ticket = PsaFixtures.text("halo/new-ticket-logged.json");

        assertThat(read(ticket.replace("\"priority_id\": 2", "\"priority_id\": 4")).priority()).isEqualTo(Priority.LOW);
        assertThat(read(ticket.replace("\"priority_id\": 2", "\"priority_id\": 7")).priority()).isNull();
        assertThat(read(ticket.replace("\"priority_id\": 2",
                "\"priority_id\": 7, \"priority\": {\"id\": 7, \"name\": \"Critical\"}")).priority())
                .isEqualTo(Priority.CRITICAL);
    }

    @Test
    void datesWithAnOffset_areReadAsWritten() {
        PsaTicketChange change = read(PsaFixtures.text("halo/customer-note-added.json")
                .replace("\"responsedate\": \"2026-09-25T06:41:07\"", "\"responsedate\": \"2026-09-25T08:41:07+02:00\"")
        );

        assertThat(change.respondedAt()).isEqualTo(Instant.parse("2026-09-25T06:41:07Z"));
    }

    private PsaTicketChange read(String body) {
        return format.read(new WebhookRequest(Map.of(), body.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }
}
