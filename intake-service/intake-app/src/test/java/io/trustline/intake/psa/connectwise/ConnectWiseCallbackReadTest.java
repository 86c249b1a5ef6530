package io.trustline.intake.psa.connectwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.PsaFixtures;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectWiseCallbackReadTest {

    private final ConnectWiseCallbackFormat format = new ConnectWiseCallbackFormat(new ConnectWiseSigningKeys(), false);

    @Test
    void updatedTicket_isReadAsItsMilestones_contactAndCompany() {
        PsaTicketChange change = read(PsaFixtures.text("connectwise/ticket-updated.json")).orElseThrow();

        assertThat(change).isEqualTo(PsaTicketChange.of(PsaTool.CONNECTWISE,
                        "6f2c9d1e-4b7a-4c2e-9a51-0d3b8e7f1a20", "773256")
                .company("18304")
                .changedAt(Instant.parse("2019-01-17T10:02:44Z"))
                .createdAt(Instant.parse("2019-01-17T09:21:03Z"))
                .summary("TikcetApiTest")
                .priority(Priority.MEDIUM)
                .contact(new Reporter("user name", "john_doe@example.com", "+972-50-5613528"))
                .status("Assigned/Scheduled")
                .respondedAt(Instant.parse("2019-01-17T09:35:10Z"))
                .planAt(Instant.parse("2019-01-17T10:02:44Z"))
                .resolutionWithdrawn()
                .build());
    }

    @Test
    void entitySentAsAJsonString_isParsedAgain() {
        PsaTicketChange change = read(PsaFixtures.text("connectwise/ticket-resolved-entity-string.json")).orElseThrow();

        assertThat(change.deliveryId()).isEqualTo("0b8d4c52-9e1f-4f6a-8d2b-5a7c3e9f4b11");
        assertThat(change.externalTicketId()).isEqualTo("773256");
        assertThat(change.status()).isEqualTo("Completed");
        assertThat(change.resolvedAt()).isEqualTo(Instant.parse("2019-01-17T15:40:00Z"));
        assertThat(change.resolutionWithdrawn()).isFalse();
        assertThat(change.respondedAt()).isEqualTo(Instant.parse("2019-01-17T09:35:10Z"));
        assertThat(change.planAt()).isEqualTo(Instant.parse("2019-01-17T10:02:44Z"));
        assertThat(change.psaCompanyId()).isEqualTo("18304");
    }

    @Test
    void ticketSentAsObjectOrAsString_readsTheSame() {
        String asObject = PsaFixtures.text("connectwise/ticket-updated.json");
        String entity = asObject.substring(asObject.indexOf("\"Entity\":") + 9, asObject.indexOf(",\"Metadata\""));
        String asString = asObject.replace(entity, quoted(entity));

        assertThat(read(asString)).isEqualTo(read(asObject));
    }

    @Test
    void deletedTicket_isNothingToRecord() {
        assertThat(read(PsaFixtures.text("connectwise/ticket-deleted.json"))).isEmpty();
    }

    @Test
    void callbackForAnotherType_isMalformed_namingTheType() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/company-updated.json")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Type 'company' is not a ticket");
    }

    @Test
    void bodyThatIsNotJson_isMalformed() {
        assertThatThrownBy(() -> read("{\"MessageId\": "))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void duplicateKeys_areMalformed() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-updated.json")
                .replace("{\"MessageId\"", "{\"ID\":1,\"MessageId\"")))
                .isInstanceOf(MalformedWebhook.class);
    }

    @Test
    void callbackWithoutMessageId_isMalformed_namingIt() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-updated.json")
                .replace("\"MessageId\":\"6f2c9d1e-4b7a-4c2e-9a51-0d3b8e7f1a20\",", "")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("MessageId");
    }

    @Test
    void unknownAction_isMalformed_namingIt() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-updated.json")
                .replace("\"Action\":\"updated\"", "\"Action\":\"merged\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Action 'merged'");
    }

    @Test
    void entityStringThatIsNotJson_isMalformed_namingEntity() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-deleted.json")
                .replace("\"Action\":\"deleted\"", "\"Action\":\"added\"")
                .replace("\"Entity\":null", "\"Entity\":\"{not json\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Entity");
    }

    @Test
    void addedTicketWithoutEntity_isMalformed() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-deleted.json")
                .replace("\"Action\":\"deleted\"", "\"Action\":\"added\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Entity is missing");
    }

    @Test
    void entityOfAnotherTicket_isMalformed() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-updated.json")
                .replace("\"ID\":773256", "\"ID\":773257")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Entity.id 773256");
    }

    @Test
    void dateThatIsNotADateTime_isMalformed_namingTheField() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-updated.json")
                .replace("\"dateResponded\":\"2019-01-17T09:35:10Z\"", "\"dateResponded\":\"17/01/2019\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Entity.dateResponded");
    }

    @Test
    void companyIdAsText_isMalformed_notCoerced() {
        assertThatThrownBy(() -> read(PsaFixtures.text("connectwise/ticket-updated.json")
                .replace("\"company\":{\"id\":18304", "\"company\":{\"id\":\"18304\"")))
                .isInstanceOf(MalformedWebhook.class)
                .hasMessageContaining("Entity.company.id");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "Priority 1 - Emergency Response, CRITICAL",
            "Priority 2 - Quick Response, HIGH",
            "Priority 3 - Normal Response, MEDIUM",
            "Priority 4 - Schedule Maintenance, LOW",
            "Priority 5 - Next Time, LOW",
            "Urgent, CRITICAL",
            "High, HIGH",
            "Low, LOW",
            "Do Not Respond, none"})
    void priority_isReadFromItsConnectWiseName(String name, Priority expected) {
        assertThat(ConnectWisePriority.of(name)).isEqualTo(expected);
    }

    private Optional<PsaTicketChange> read(String body) {
        return format.read(new WebhookRequest(Map.of(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
