package io.trustline.intake.psa.halo;

import static io.trustline.intake.psa.PsaWebhookCalls.awaitEventsOf;
import static io.trustline.intake.psa.PsaWebhookCalls.data;
import static io.trustline.intake.psa.PsaWebhookCalls.halo;
import static io.trustline.intake.psa.PsaWebhookCalls.haloIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.map;
import static io.trustline.intake.psa.PsaWebhookCalls.ofType;
import static io.trustline.intake.psa.PsaWebhookCalls.post;
import static io.trustline.intake.psa.PsaWebhookCalls.unmapped;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.psa.PsaFixtures;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * HaloPSA webhooks, the documented payloads under {@code psa/halo} (the event with its full ticket and action objects)
 * with another ticket id, posted with the Basic credentials set on the Halo webhook and no API key.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class HaloWebhookReceiverTest {

    private static final String DOCUMENTED_TICKET = "4242";
    private static final String DOCUMENTED_CLIENT = "12";

    private final String username = "halo-" + UUID.randomUUID().toString().substring(0, 8);
    private final String password = "halo-password-" + UUID.randomUUID();
    private final String ticket = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L));

    @Test
    void theRightBasicCredentials_areAccepted_andWrongOrMissingOnesAre401_recordingNothing() {
        String integration = mappedIntegration(uniqueClient());
        String body = documented("new-ticket-logged.json");

        halo(integration, username, "not-the-password", body).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not this integration's"));
        halo(integration, "someone-else", password, body).statusCode(401);
        post(integration, Map.of(), body.getBytes(StandardCharsets.UTF_8)).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("Authorization"));
        post(integration, Map.of("Authorization", "Bearer " + password), body.getBytes(StandardCharsets.UTF_8))
                .statusCode(401).body("detail", containsString("Basic"));

        // recorded nothing: the same webhook with the integration's credentials is still new
        halo(integration, username, password, body).statusCode(200).body("outcome", equalTo("REPORTED"));
    }

    @Test
    void theDocumentedNewTicketWebhook_isReportedAsAnIssue() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);

        String issueId = halo(integration, username, password, documented("new-ticket-logged.json"))
                .statusCode(200).body("outcome", equalTo("REPORTED")).extract().path("issueId");

        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 1);
        assertThat(events).extracting(r -> r.value().getType())
                .containsExactly(IntakeEventTypes.ISSUE_REPORTED, IntakeEventTypes.PSA_TICKET_UPDATED);
        JsonNode reported = data(events.get(0));
        assertThat(reported.get("issueId").asText()).isEqualTo(issueId);
        assertThat(reported.get("summary").asText()).isEqualTo("Payroll server unreachable");
        assertThat(reported.get("priority").asText()).as("priority_id 2").isEqualTo("HIGH");
        assertThat(reported.get("occurredAt").asText()).as("dateoccurred, UTC").isEqualTo("2026-09-25T06:12:30Z");
        assertThat(reported.get("reportedBy").get("name").asText()).isEqualTo("Dana Office");
        assertThat(reported.get("reportedBy").get("email").asText()).isEqualTo("dana@acme-dental.example");
        assertThat(reported.get("psaTicket").get("psa").asText()).isEqualTo("HALO");
        assertThat(reported.get("psaTicket").get("externalTicketId").asText()).isEqualTo(ticket);
        JsonNode ticketAsSent = data(events.get(1));
        assertThat(ticketAsSent.get("status").asText()).isEqualTo("New");
        assertThat(ticketAsSent.has("respondedAt")).as("Halo's 1900-01-01 is no date").isFalse();
        assertThat(ticketAsSent.has("resolvedAt")).isFalse();
    }

    @Test
    void aRedeliveredWebhook_answers200_andRecordsNothingNew() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        String created = documented("new-ticket-logged.json");
        String responded = documented("customer-note-added.json");
        halo(integration, username, password, created).statusCode(200).body("outcome", equalTo("REPORTED"));
        halo(integration, username, password, responded).statusCode(200).body("outcome", equalTo("UPDATED"));

        halo(integration, username, password, created).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        halo(integration, username, password, responded).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        // an internal note moves nothing the client sees
        halo(integration, username, password, documented("internal-note-added.json")).statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));

        // witness: once the closure is on the topic, so is anything the redeliveries published
        halo(integration, username, password, documented("ticket-closed.json")).statusCode(200)
                .body("outcome", equalTo("UPDATED"));
        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3);
        assertThat(ofType(events, IntakeEventTypes.ISSUE_REPORTED)).hasSize(1);
        List<ConsumerRecord<String, CloudEvent>> updates = ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED);
        assertThat(updates).hasSize(3);
        JsonNode responseNote = data(updates.get(1));
        assertThat(responseNote.get("respondedAt").asText()).isEqualTo("2026-09-25T06:41:07Z");
        assertThat(responseNote.get("note").get("text").asText())
                .isEqualTo("We are looking at the payroll server now and will update you within the hour.");
    }

    @Test
    void aChangeOlderThanOneRecorded_byItsChangedInstant_isStale_andNothingMovesBack() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        halo(integration, username, password, documented("new-ticket-logged.json")).statusCode(200);
        halo(integration, username, password, documented("ticket-closed.json")).statusCode(200)
                .body("outcome", equalTo("UPDATED"));

        // the response note, last_update 06:41:07, arrives after the closure of 13:05:11
        halo(integration, username, password, documented("customer-note-added.json")).statusCode(200)
                .body("outcome", equalTo("STALE"));

        // witness: the reopen (a day later) is no older, and withdraws the resolution
        halo(integration, username, password, documented("ticket-reopened.json")).statusCode(200)
                .body("outcome", equalTo("UPDATED"));
        List<ConsumerRecord<String, CloudEvent>> updates = ofType(awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3),
                IntakeEventTypes.PSA_TICKET_UPDATED);
        assertThat(updates).hasSize(3);
        JsonNode closed = data(updates.get(1));
        assertThat(closed.get("status").asText()).isEqualTo("Closed");
        assertThat(closed.get("resolvedAt").asText()).isEqualTo("2026-09-25T13:05:11Z");
        JsonNode reopened = data(updates.get(2));
        assertThat(reopened.get("status").asText()).isEqualTo("In Progress");
        assertThat(reopened.has("resolvedAt")).isFalse();
    }

    @Test
    void aTicketOfAnUnmappedClient_isParked_andReplayed_whenItIsMapped() {
        String clientId = uniqueClient();
        String integration = haloIntegration(API_KEY_A, username, password);

        halo(integration, username, password, documented("new-ticket-logged.json")).statusCode(202)
                .body("outcome", equalTo("PARKED"));
        halo(integration, username, password, documented("customer-note-added.json")).statusCode(202);
        unmapped(API_KEY_A, integration).statusCode(200)
                .body("tickets.externalTicketId", contains(ticket))
                .body("tickets.psaCompanyId", contains(DOCUMENTED_CLIENT))
                .body("tickets.summary", contains("Payroll server unreachable"))
                .body("tickets.changes", contains(2));

        map(API_KEY_A, integration, Map.of(DOCUMENTED_CLIENT, clientId)).statusCode(200);

        unmapped(API_KEY_A, integration).statusCode(200).body("tickets", emptyIterable());
        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 2);
        assertThat(ofType(events, IntakeEventTypes.ISSUE_REPORTED)).hasSize(1);
        assertThat(data(ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED).get(1)).get("respondedAt").asText())
                .isEqualTo("2026-09-25T06:41:07Z");
        halo(integration, username, password, documented("new-ticket-logged.json")).statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
    }

    @Test
    void aMalformedWebhook_is400NamingTheProblem_andRecordsNothing() {
        String integration = mappedIntegration(uniqueClient());
        String created = documented("new-ticket-logged.json");

        halo(integration, username, password, created.replace("\"summary\":", "\"summary\"")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not JSON"));
        halo(integration, username, password, documented("event-information-only.json")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("full object"));
        halo(integration, username, password, "[" + created + "]").statusCode(400)
                .body("detail", containsString("Batching"));
        halo(integration, username, password, created.replace("\"dateoccurred\": \"2026-09-25T06:12:30\"",
                "\"dateoccurred\": \"yesterday\"")).statusCode(400)
                .body("detail", containsString("ticket.dateoccurred"));

        halo(integration, username, password, created).statusCode(200).body("outcome", equalTo("REPORTED"));
    }

    private String mappedIntegration(String clientId) {
        String integration = haloIntegration(API_KEY_A, username, password);
        map(API_KEY_A, integration, Map.of(DOCUMENTED_CLIENT, clientId)).statusCode(200);
        return integration;
    }

    /** The documented webhook, of this test's ticket. */
    private String documented(String fixture) {
        return PsaFixtures.text("halo/" + fixture).replace(DOCUMENTED_TICKET, ticket);
    }
}
