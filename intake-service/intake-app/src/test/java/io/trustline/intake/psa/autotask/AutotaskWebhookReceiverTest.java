package io.trustline.intake.psa.autotask;

import static io.trustline.intake.psa.PsaWebhookCalls.autotask;
import static io.trustline.intake.psa.PsaWebhookCalls.autotaskIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.awaitEventsOf;
import static io.trustline.intake.psa.PsaWebhookCalls.data;
import static io.trustline.intake.psa.PsaWebhookCalls.map;
import static io.trustline.intake.psa.PsaWebhookCalls.ofType;
import static io.trustline.intake.psa.PsaWebhookCalls.post;
import static io.trustline.intake.psa.PsaWebhookCalls.unmapped;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Autotask ticket webhooks, shaped as Autotask's documentation shows them (Action, Guid, EntityType, Id, Fields,
 * EventTime, SequenceNumber, PersonID; X-Hook-Signature), posted to the receiver without an API key.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class AutotaskWebhookReceiverTest {

    private static final String GUID = "9a4e3b1c-6d2f-4e8a-b7c5-1f0d2e3a4b5c";

    private final String secret = "autotask-secret-" + UUID.randomUUID();
    private final String company = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    @Test
    void aNewTicket_isReportedAsAnIssue_fromItsFields_withoutAnExpectation() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        long ticket = newTicketId();

        String issueId = autotask(integration, secret, created(ticket, 1)).statusCode(200)
                .body("outcome", equalTo("REPORTED"))
                .extract().path("issueId");

        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 1);
        assertThat(events).extracting(r -> r.value().getType())
                .containsExactly(IntakeEventTypes.ISSUE_REPORTED, IntakeEventTypes.PSA_TICKET_UPDATED);
        JsonNode reported = data(events.get(0));
        assertThat(reported.get("issueId").asText()).isEqualTo(issueId);
        assertThat(reported.get("summary").asText()).isEqualTo("Payroll server unreachable");
        assertThat(reported.get("priority").asText()).isEqualTo("CRITICAL");
        assertThat(reported.get("channel").asText()).isEqualTo("PSA");
        assertThat(reported.get("occurredAt").asText()).isEqualTo("2026-03-02T08:15:00Z");
        assertThat(reported.get("reportedBy").get("name").asText()).isEqualTo("Autotask contact 30682885");
        assertThat(reported.get("psaTicket").get("psa").asText()).isEqualTo("AUTOTASK");
        assertThat(reported.get("psaTicket").get("externalTicketId").asText()).isEqualTo(String.valueOf(ticket));
        assertThat(data(events.get(1)).get("status").asText()).isEqualTo("1");
        assertThat(data(events.get(1)).has("respondedAt")).isFalse();
    }

    @Test
    void aBadOrMissingSignature_is401_andRecordsNothing() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        long ticket = newTicketId();
        byte[] body = created(ticket, 1).getBytes(StandardCharsets.UTF_8);

        post(integration, Map.of(), body).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Hook-Signature"));
        post(integration, Map.of("X-Hook-Signature", AutotaskSignature.of("another-secret", body)), body)
                .statusCode(401).contentType("application/problem+json");
        post(integration, Map.of("Authorization", "Bearer test-key-of-tenant-a"), body).statusCode(401);

        // recorded nothing: the same ticket, signed, is still new
        autotask(integration, secret, created(ticket, 1)).statusCode(200).body("outcome", equalTo("REPORTED"));
    }

    @Test
    void aRedeliveredWebhook_answers200_andRecordsNothingNew() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        long ticket = newTicketId();
        String first = autotask(integration, secret, created(ticket, 1)).statusCode(200).extract().path("issueId");
        String responded = updated(ticket, 2, "\"status\": 8, \"firstResponseDateTime\": \"2026-03-02T08:31:00Z\"");
        autotask(integration, secret, responded).statusCode(200).body("outcome", equalTo("UPDATED"));

        autotask(integration, secret, created(ticket, 1)).statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("issueId", equalTo(first));
        autotask(integration, secret, responded).statusCode(200).body("outcome", equalTo("UNCHANGED"));

        // witness: once the resolution is on the topic, so is anything the redeliveries published
        autotask(integration, secret, updated(ticket, 3, "\"status\": 5, \"resolvedDateTime\": \"2026-03-02T11:00:00Z\""))
                .statusCode(200).body("outcome", equalTo("UPDATED"));
        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3);
        assertThat(ofType(events, IntakeEventTypes.ISSUE_REPORTED)).hasSize(1);
        assertThat(ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED)).hasSize(3);
    }

    @Test
    void anOlderSequenceNumber_arrivingLate_isStale_andNothingMovesBack() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        long ticket = newTicketId();
        autotask(integration, secret, created(ticket, 1)).statusCode(200);
        autotask(integration, secret, updated(ticket, 3,
                "\"status\": 5, \"firstResponseDateTime\": \"2026-03-02T08:31:00Z\", \"resolvedDateTime\": \"2026-03-02T11:00:00Z\""))
                .statusCode(200).body("outcome", equalTo("UPDATED"));

        autotask(integration, secret, updated(ticket, 2, "\"status\": 8, \"resolvedDateTime\": null"))
                .statusCode(200).body("outcome", equalTo("STALE"));

        // a later reopen is no older: it withdraws the resolution
        autotask(integration, secret, updated(ticket, 4, "\"status\": 8, \"resolvedDateTime\": null"))
                .statusCode(200).body("outcome", equalTo("UPDATED"));
        List<ConsumerRecord<String, CloudEvent>> updates = ofType(awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3),
                IntakeEventTypes.PSA_TICKET_UPDATED);
        assertThat(updates).hasSize(3);
        JsonNode resolved = data(updates.get(1));
        assertThat(resolved.get("status").asText()).isEqualTo("5");
        assertThat(resolved.get("resolvedAt").asText()).isEqualTo("2026-03-02T11:00:00Z");
        JsonNode reopened = data(updates.get(2));
        assertThat(reopened.get("status").asText()).isEqualTo("8");
        assertThat(reopened.has("resolvedAt")).isFalse();
        assertThat(reopened.get("respondedAt").asText()).as("kept").isEqualTo("2026-03-02T08:31:00Z");
    }

    @Test
    void aCustomerFacingNote_isPublishedWithTheTicket_andAnInternalOneIsNot() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        long ticket = newTicketId();
        autotask(integration, secret, created(ticket, 1)).statusCode(200);

        autotask(integration, secret, note(ticket, 501, 3, "We are restoring payroll on the spare server."))
                .statusCode(200).body("outcome", equalTo("IGNORED"));
        autotask(integration, secret, note(ticket, 502, 1, "The payroll server's disk is failing."))
                .statusCode(200).body("outcome", equalTo("UPDATED"));
        autotask(integration, secret, note(ticket, 502, 1, "The payroll server's disk is failing."))
                .statusCode(200).body("outcome", equalTo("UNCHANGED"));

        List<ConsumerRecord<String, CloudEvent>> updates = ofType(awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 2),
                IntakeEventTypes.PSA_TICKET_UPDATED);
        JsonNode note = data(updates.get(1)).get("note");
        assertThat(note.get("noteId").asText()).isEqualTo("502");
        assertThat(note.get("text").asText()).isEqualTo("The payroll server's disk is failing.");
        assertThat(data(updates.get(1)).get("status").asText()).as("the ticket's status, kept").isEqualTo("1");
    }

    @Test
    void anUnknownEntity_orMalformedJson_is400NamingTheProblem() {
        String integration = mappedIntegration(uniqueClient());

        autotask(integration, secret, created(newTicketId(), 1).replace("\"EntityType\":\"Ticket\"", "\"EntityType\":\"Company\""))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Unknown entity 'Company'"));
        autotask(integration, secret, created(newTicketId(), 1).replace("\"Id\":", "\"Id\" "))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not well-formed JSON"));
        autotask(integration, secret, created(newTicketId(), 1).replace("\"SequenceNumber\":1,", ""))
                .statusCode(400).body("detail", containsString("SequenceNumber"));
    }

    @Test
    void aDeletedTicket_isIgnored_andAnUnknownIntegration_is404() {
        String integration = mappedIntegration(uniqueClient());
        autotask(integration, secret, created(newTicketId(), 1).replace("\"Action\":\"Create\"", "\"Action\":\"Delete\""))
                .statusCode(200).body("outcome", equalTo("IGNORED")).body("issueId", nullValue());
        autotask(UUID.randomUUID().toString(), secret, created(newTicketId(), 1))
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTicketOfAnUnmappedCompany_isParked_listed_andReplayedInArrivalOrder_whenTheCompanyIsMapped() {
        String clientId = uniqueClient();
        String integration = autotaskIntegration(API_KEY_A, secret);
        long first = newTicketId();
        long second = newTicketId();

        autotask(integration, secret, created(first, 1)).statusCode(202).body("outcome", equalTo("PARKED"));
        autotask(integration, secret, updated(first, 2, "\"firstResponseDateTime\": \"2026-03-02T08:31:00Z\""))
                .statusCode(202);
        autotask(integration, secret, created(second, 1).replace("Payroll server unreachable", "Printer offline"))
                .statusCode(202);
        // a redelivery is parked once
        autotask(integration, secret, created(first, 1)).statusCode(202);

        unmapped(API_KEY_A, integration).statusCode(200)
                .body("tickets.externalTicketId", contains(String.valueOf(first), String.valueOf(second)))
                .body("tickets.psaCompanyId", contains(company, company))
                .body("tickets.summary", contains("Payroll server unreachable", "Printer offline"))
                .body("tickets.changes", contains(2, 1));
        unmapped(API_KEY_B, integration).statusCode(404);

        map(API_KEY_A, integration, Map.of(company, clientId)).statusCode(200);

        unmapped(API_KEY_A, integration).statusCode(200).body("tickets", emptyIterable());
        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3);
        List<ConsumerRecord<String, CloudEvent>> reported = ofType(events, IntakeEventTypes.ISSUE_REPORTED);
        assertThat(reported).extracting(r -> data(r).get("summary").asText())
                .as("each ticket reported from its first change, in arrival order")
                .containsExactly("Payroll server unreachable", "Printer offline");
        assertThat(ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED))
                .anySatisfy(r -> assertThat(data(r).path("respondedAt").asText()).isEqualTo("2026-03-02T08:31:00Z"));
        autotask(integration, secret, created(first, 1)).statusCode(200).body("outcome", equalTo("UNCHANGED"));
    }

    private String mappedIntegration(String clientId) {
        String integration = autotaskIntegration(API_KEY_A, secret);
        Map<String, String> mappings = new LinkedHashMap<>();
        mappings.put(company, clientId);
        map(API_KEY_A, integration, mappings).statusCode(200);
        return integration;
    }

    private static long newTicketId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
    }

    /** A Create callout: every field of the new ticket the webhook subscribes to or always displays. */
    private String created(long ticket, long sequence) {
        return callout("Create", "Ticket", ticket, sequence, """
                {"title":"Payroll server unreachable","description":"Nobody can open the payroll application.",\
                "priority":4,"companyID":%s,"contactID":30682885,"status":1,"ticketNumber":"T20260302.0011",\
                "createDate":"2026-03-02T08:15:00Z","lastActivityDate":"2026-03-02T08:15:00Z"}""".formatted(company));
    }

    /** An Update callout: the fields that changed, and the company, which the webhook displays always. */
    private String updated(long ticket, long sequence, String changedFields) {
        return callout("Update", "Ticket", ticket, sequence, "{" + changedFields + ",\"companyID\":" + company
                + ",\"lastActivityDate\":\"2026-03-02T0" + Math.min(sequence, 9) + ":40:00Z\"}");
    }

    private static String note(long ticket, long noteId, int publish, String text) {
        return callout("Create", "TicketNote", noteId, 1, """
                {"ticketID":%d,"publish":%d,"noteType":1,"title":"Update","description":"%s",\
                "createDateTime":"2026-03-02T09:05:00Z"}""".formatted(ticket, publish, text));
    }

    private static String callout(String action, String entityType, long id, long sequence, String fields) {
        return "{\"Action\":\"" + action + "\",\"Guid\":\"" + GUID + "\",\"EntityType\":\"" + entityType + "\",\"Id\":"
                + id + ",\"Fields\":" + fields + ",\"EventTime\":\"2026-03-02T08:15:00.000Z\",\"SequenceNumber\":"
                + sequence + ",\"PersonID\":29682885}";
    }
}
