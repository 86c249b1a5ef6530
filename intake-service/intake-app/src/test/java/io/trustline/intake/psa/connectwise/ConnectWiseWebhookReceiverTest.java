package io.trustline.intake.psa.connectwise;

import static io.trustline.intake.psa.PsaWebhookCalls.awaitEventsOf;
import static io.trustline.intake.psa.PsaWebhookCalls.connectWise;
import static io.trustline.intake.psa.PsaWebhookCalls.connectWiseIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.connectWiseSignature;
import static io.trustline.intake.psa.PsaWebhookCalls.data;
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
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ConnectWise PSA ticket callbacks, built from ConnectWise's documented ones (MessageId, Action, Type, ID, Entity,
 * Metadata.key_url; x-content-signature), posted to the receiver without an API key. The signing key is served by a
 * real HTTP server on a local port, standing in for ConnectWise's key_url; the integration allows that host only.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ConnectWiseWebhookReceiverTest {

    private static final String DOCUMENTED_COMPANY = "18304";
    private static final String LOCAL_HOST = "127.0.0.1";
    private static final Instant ENTERED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant RESPONDED = Instant.parse("2026-03-02T08:31:00Z");

    private final String signingKey = "cw-signing-key-" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    private final ConnectWiseKeyServer keyServer = new ConnectWiseKeyServer(signingKey);
    private final ConnectWiseCallbacks callbacks = new ConnectWiseCallbacks(keyServer.origin());
    private final long ticket = ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);

    @AfterEach
    void stopKeyServer() {
        keyServer.close();
    }

    @Test
    void anAddedTicket_signedWithTheKeyAtItsKeyUrl_isReported_andIssueReportedIsPublished() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);

        String issueId = connectWise(integration, signingKey, callbacks.added(ticket, ENTERED).json())
                .statusCode(200).body("outcome", equalTo("REPORTED")).extract().path("issueId");

        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 1);
        assertThat(events).extracting(r -> r.value().getType())
                .containsExactly(IntakeEventTypes.ISSUE_REPORTED, IntakeEventTypes.PSA_TICKET_UPDATED);
        JsonNode reported = data(events.get(0));
        assertThat(reported.get("issueId").asText()).isEqualTo(issueId);
        assertThat(reported.get("summary").asText()).as("ConnectWise's example, typo and all").isEqualTo("TikcetApiTest");
        assertThat(reported.get("priority").asText()).as("Priority 3 - Normal Response").isEqualTo("MEDIUM");
        assertThat(reported.get("occurredAt").asText()).as("dateEntered").isEqualTo(ENTERED.toString());
        assertThat(reported.get("reportedBy").get("name").asText()).isEqualTo("user name");
        assertThat(reported.get("reportedBy").get("email").asText()).isEqualTo("john_doe@example.com");
        assertThat(reported.get("psaTicket").get("psa").asText()).isEqualTo("CONNECTWISE");
        assertThat(reported.get("psaTicket").get("externalTicketId").asText()).isEqualTo(String.valueOf(ticket));
        assertThat(data(events.get(1)).get("status").asText()).isEqualTo("New");
        assertThat(keyServer.fetches()).as("the signing key, fetched once").isEqualTo(1);
    }

    @Test
    void aCallbackWhoseEntityIsAJsonString_isReadLikeAnObject() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        Instant documentedEntry = Instant.parse("2019-01-17T09:21:03Z");
        connectWise(integration, signingKey, callbacks.added(ticket, documentedEntry).json()).statusCode(200);

        connectWise(integration, signingKey, callbacks.resolvedWithEntityAsString(ticket))
                .statusCode(200).body("outcome", equalTo("UPDATED"));

        JsonNode resolved = data(ofType(awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 2),
                IntakeEventTypes.PSA_TICKET_UPDATED).get(1));
        assertThat(resolved.get("status").asText()).isEqualTo("Completed");
        assertThat(resolved.get("respondedAt").asText()).isEqualTo("2019-01-17T09:35:10Z");
        assertThat(resolved.get("planAt").asText()).isEqualTo("2019-01-17T10:02:44Z");
        assertThat(resolved.get("resolvedAt").asText()).isEqualTo("2019-01-17T15:40:00Z");
    }

    @Test
    void aBadOrMissingSignature_is401_andRecordsNothing() {
        String integration = mappedIntegration(uniqueClient());
        String body = callbacks.added(ticket, ENTERED).json();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        connectWise(integration, "not-the-signing-key", body).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("does not match"));
        post(integration, Map.of(), bytes).statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("x-content-signature"));
        post(integration, Map.of("x-content-signature", connectWiseSignature(signingKey, bytes)),
                body.replace("TikcetApiTest", "Tampered summary").getBytes(StandardCharsets.UTF_8)).statusCode(401);

        // recorded nothing: the same callback, signed, is still new
        connectWise(integration, signingKey, body).statusCode(200).body("outcome", equalTo("REPORTED"));
    }

    @Test
    void aKeyUrlOnAHostTheIntegrationDoesNotAllow_is401_withoutFetchingIt() {
        String clientId = uniqueClient();
        String integration = connectWiseIntegration(API_KEY_A, "api-na.myconnectwise.net");
        map(API_KEY_A, integration, Map.of(DOCUMENTED_COMPANY, clientId)).statusCode(200);

        connectWise(integration, signingKey, callbacks.added(ticket, ENTERED).json()).statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString(LOCAL_HOST))
                .body("detail", containsString("allowedKeyHosts"));

        assertThat(keyServer.fetches()).as("no request left for a host nobody allowed").isZero();
    }

    @Test
    void aRedeliveredCallback_sameMessageId_answers200_andRecordsNothingNew() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        ConnectWiseCallbacks.Callback added = callbacks.added(ticket, ENTERED);
        ConnectWiseCallbacks.Callback responded = added.next().status("In Progress").responded(RESPONDED)
                .lastUpdated(RESPONDED);
        String issueId = connectWise(integration, signingKey, added.json()).statusCode(200).extract().path("issueId");
        connectWise(integration, signingKey, responded.json()).statusCode(200).body("outcome", equalTo("UPDATED"));

        connectWise(integration, signingKey, added.json()).statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("issueId", equalTo(issueId));
        connectWise(integration, signingKey, responded.json()).statusCode(200).body("outcome", equalTo("UNCHANGED"));

        // witness: once the resolution is on the topic, so is anything the redeliveries published
        Instant resolvedAt = Instant.parse("2026-03-02T11:00:00Z");
        connectWise(integration, signingKey, responded.next().resolved(resolvedAt).lastUpdated(resolvedAt).json())
                .statusCode(200).body("outcome", equalTo("UPDATED"));
        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3);
        assertThat(ofType(events, IntakeEventTypes.ISSUE_REPORTED)).hasSize(1);
        assertThat(ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED)).hasSize(3);
    }

    @Test
    void anUpdateWithDateResponded_isUpdated_andPublishesPsaTicketUpdatedWithRespondedAt() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        ConnectWiseCallbacks.Callback added = callbacks.added(ticket, ENTERED);
        connectWise(integration, signingKey, added.json()).statusCode(200);

        connectWise(integration, signingKey, added.next().status("In Progress").responded(RESPONDED)
                .lastUpdated(RESPONDED).json())
                .statusCode(200).body("outcome", equalTo("UPDATED"));

        JsonNode update = data(ofType(awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 2),
                IntakeEventTypes.PSA_TICKET_UPDATED).get(1));
        assertThat(update.get("psa").asText()).isEqualTo("CONNECTWISE");
        assertThat(update.get("status").asText()).isEqualTo("In Progress");
        assertThat(update.get("respondedAt").asText()).isEqualTo(RESPONDED.toString());
        assertThat(update.has("resolvedAt")).isFalse();
    }

    /**
     * ConnectWise's API leaves an unset dateResolved out, so every update of an open ticket reads as a withdrawn
     * resolution; of a ticket never resolved, that withdraws nothing.
     */
    @Test
    void anUpdateOfAnOpenTicket_thatMovesNothingTracked_isUnchanged_andPublishesNothing() {
        String clientId = uniqueClient();
        String integration = mappedIntegration(clientId);
        ConnectWiseCallbacks.Callback added = callbacks.added(ticket, ENTERED);
        connectWise(integration, signingKey, added.json()).statusCode(200);

        connectWise(integration, signingKey, added.next().lastUpdated(ENTERED.plusSeconds(600)).json())
                .statusCode(200).body("outcome", equalTo("UNCHANGED"));

        // witness: once the response is on the topic, so is anything the open-ticket update published
        connectWise(integration, signingKey, added.next().responded(RESPONDED).lastUpdated(RESPONDED).json())
                .statusCode(200).body("outcome", equalTo("UPDATED"));
        List<ConsumerRecord<String, CloudEvent>> updates = ofType(awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 2),
                IntakeEventTypes.PSA_TICKET_UPDATED);
        assertThat(updates).hasSize(2);
        assertThat(data(updates.get(1)).get("respondedAt").asText()).isEqualTo(RESPONDED.toString());
    }

    @Test
    void aKeyServerThatIsDown_is503WithRetryAfter_neverA401_andRecordsNothing() {
        String integration = mappedIntegration(uniqueClient());
        ConnectWiseCallbacks.Callback added = callbacks.added(ticket, ENTERED);
        keyServer.close();

        connectWise(integration, signingKey, added.json()).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", containsString(LOCAL_HOST));

        try (ConnectWiseKeyServer busy = new ConnectWiseKeyServer(signingKey)) {
            busy.answer(429);
            connectWise(integration, signingKey, added.keyOrigin(busy.origin()).json()).statusCode(503)
                    .header("Retry-After", "2").body("detail", containsString("429"));
        }
        // recorded nothing: ConnectWise's retry, once a key can be fetched, reports the ticket
        try (ConnectWiseKeyServer back = new ConnectWiseKeyServer(signingKey)) {
            connectWise(integration, signingKey, added.keyOrigin(back.origin()).json()).statusCode(200)
                    .body("outcome", equalTo("REPORTED"));
        }
    }

    @Test
    void aTicketOfAnUnmappedCompany_isParked_andReplayed_whenTheCompanyIsMapped() {
        String clientId = uniqueClient();
        String integration = connectWiseIntegration(API_KEY_A, LOCAL_HOST);
        ConnectWiseCallbacks.Callback added = callbacks.added(ticket, ENTERED);
        ConnectWiseCallbacks.Callback responded = added.next().responded(RESPONDED).lastUpdated(RESPONDED);

        connectWise(integration, signingKey, added.json()).statusCode(202).body("outcome", equalTo("PARKED"));
        connectWise(integration, signingKey, responded.json()).statusCode(202).body("outcome", equalTo("PARKED"));
        unmapped(API_KEY_A, integration).statusCode(200)
                .body("tickets.externalTicketId", contains(String.valueOf(ticket)))
                .body("tickets.psaCompanyId", contains(DOCUMENTED_COMPANY))
                .body("tickets.changes", contains(2));

        map(API_KEY_A, integration, Map.of(DOCUMENTED_COMPANY, clientId)).statusCode(200);

        unmapped(API_KEY_A, integration).statusCode(200).body("tickets", emptyIterable());
        List<ConsumerRecord<String, CloudEvent>> events = awaitEventsOf(clientId,
                records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 2);
        assertThat(ofType(events, IntakeEventTypes.ISSUE_REPORTED)).hasSize(1);
        assertThat(data(ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED).get(1)).get("respondedAt").asText())
                .isEqualTo(RESPONDED.toString());
        connectWise(integration, signingKey, added.json()).statusCode(200).body("outcome", equalTo("UNCHANGED"));
    }

    private String mappedIntegration(String clientId) {
        String integration = connectWiseIntegration(API_KEY_A, LOCAL_HOST);
        map(API_KEY_A, integration, Map.of(DOCUMENTED_COMPANY, clientId)).statusCode(200);
        return integration;
    }
}
