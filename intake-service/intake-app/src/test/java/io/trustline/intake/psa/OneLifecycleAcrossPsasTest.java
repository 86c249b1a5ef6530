package io.trustline.intake.psa;

import static io.trustline.intake.psa.PsaWebhookCalls.autotask;
import static io.trustline.intake.psa.PsaWebhookCalls.autotaskIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.awaitEventsOf;
import static io.trustline.intake.psa.PsaWebhookCalls.connectWise;
import static io.trustline.intake.psa.PsaWebhookCalls.connectWiseIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.data;
import static io.trustline.intake.psa.PsaWebhookCalls.halo;
import static io.trustline.intake.psa.PsaWebhookCalls.haloIntegration;
import static io.trustline.intake.psa.PsaWebhookCalls.map;
import static io.trustline.intake.psa.PsaWebhookCalls.ofType;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.psa.connectwise.ConnectWiseCallbacks;
import io.trustline.intake.psa.connectwise.ConnectWiseKeyServer;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One ticket's history (created, responded to, planned where the PSA has a plan, resolved) sent through each PSA's
 * webhooks, each ticket of its own client, ends in the same published PsaTicketUpdated milestones. The instants are
 * those of Halo's documented ticket, so Halo's payloads are sent as documented.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class OneLifecycleAcrossPsasTest {

    private static final Instant CREATED = Instant.parse("2026-09-25T06:12:30Z");
    private static final Instant RESPONDED = Instant.parse("2026-09-25T06:41:07Z");
    private static final Instant PLANNED = Instant.parse("2026-09-25T07:30:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-09-25T13:05:11Z");

    /** What a PsaTicketUpdated says of the ticket's milestones; null where it has none. */
    record Milestones(Instant respondedAt, Instant planAt, Instant resolvedAt) {
    }

    private static final List<Milestones> WITH_A_PLAN = List.of(
            new Milestones(null, null, null),
            new Milestones(RESPONDED, null, null),
            new Milestones(RESPONDED, PLANNED, null),
            new Milestones(RESPONDED, PLANNED, RESOLVED));

    @Test
    void connectWiseAndAutotask_endInTheSameMilestones_andHaloInTheSameButThePlan_whichHaloDoesNotHave() {
        List<ConsumerRecord<String, CloudEvent>> connectWise = throughConnectWise();
        List<ConsumerRecord<String, CloudEvent>> autotask = throughAutotask();
        List<ConsumerRecord<String, CloudEvent>> halo = throughHalo();

        assertThat(milestones(connectWise)).isEqualTo(WITH_A_PLAN);
        assertThat(milestones(autotask)).isEqualTo(milestones(connectWise));

        // Halo's SLA measures a response and a resolution, no action plan: no Halo change ever carries planAt, and
        // its history is the others' without the planning step
        assertThat(ofType(halo, IntakeEventTypes.PSA_TICKET_UPDATED))
                .allSatisfy(update -> assertThat(data(update).has("planAt")).as("planAt from Halo").isFalse());
        assertThat(milestones(halo)).isEqualTo(List.of(
                new Milestones(null, null, null),
                new Milestones(RESPONDED, null, null),
                new Milestones(RESPONDED, null, RESOLVED)));
        assertThat(milestones(halo)).isEqualTo(WITH_A_PLAN.stream()
                .map(step -> new Milestones(step.respondedAt(), null, step.resolvedAt()))
                .distinct()
                .toList());

        assertThat(List.of(connectWise, autotask, halo))
                .allSatisfy(events -> {
                    List<ConsumerRecord<String, CloudEvent>> reported = ofType(events, IntakeEventTypes.ISSUE_REPORTED);
                    assertThat(reported).hasSize(1);
                    assertThat(data(reported.get(0)).get("occurredAt").asText()).isEqualTo(CREATED.toString());
                });
    }

    private static List<ConsumerRecord<String, CloudEvent>> throughConnectWise() {
        String clientId = uniqueClient();
        String signingKey = "cw-signing-key-" + UUID.randomUUID();
        long ticket = newTicketId();
        try (ConnectWiseKeyServer keyServer = new ConnectWiseKeyServer(signingKey)) {
            String integration = connectWiseIntegration(API_KEY_A, "127.0.0.1");
            map(API_KEY_A, integration, Map.of("18304", clientId)).statusCode(200);
            ConnectWiseCallbacks.Callback created = new ConnectWiseCallbacks(keyServer.origin()).added(ticket, CREATED);
            ConnectWiseCallbacks.Callback responded = created.next().status("In Progress").responded(RESPONDED)
                    .lastUpdated(RESPONDED);
            ConnectWiseCallbacks.Callback planned = responded.next().planned(PLANNED).lastUpdated(PLANNED);
            ConnectWiseCallbacks.Callback resolved = planned.next().resolved(RESOLVED).lastUpdated(RESOLVED);

            connectWise(integration, signingKey, created.json()).statusCode(200).body("outcome", equalTo("REPORTED"));
            for (ConnectWiseCallbacks.Callback change : List.of(responded, planned, resolved)) {
                connectWise(integration, signingKey, change.json()).statusCode(200).body("outcome", equalTo("UPDATED"));
            }
        }
        return fourUpdatesOf(clientId);
    }

    private static List<ConsumerRecord<String, CloudEvent>> throughAutotask() {
        String clientId = uniqueClient();
        String secret = "autotask-secret-" + UUID.randomUUID();
        String company = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long ticket = newTicketId();
        String integration = autotaskIntegration(API_KEY_A, secret);
        map(API_KEY_A, integration, Map.of(company, clientId)).statusCode(200);

        autotask(integration, secret, autotaskCallout("Create", ticket, 1, """
                {"title":"Payroll server unreachable","priority":1,"companyID":%s,"contactID":30682885,"status":1,\
                "createDate":"%s","lastActivityDate":"%s"}""".formatted(company, CREATED, CREATED)))
                .statusCode(200).body("outcome", equalTo("REPORTED"));
        autotask(integration, secret, autotaskCallout("Update", ticket, 2, """
                {"status":8,"firstResponseDateTime":"%s","companyID":%s,"lastActivityDate":"%s"}"""
                .formatted(RESPONDED, company, RESPONDED))).statusCode(200).body("outcome", equalTo("UPDATED"));
        autotask(integration, secret, autotaskCallout("Update", ticket, 3, """
                {"resolutionPlanDateTime":"%s","companyID":%s,"lastActivityDate":"%s"}"""
                .formatted(PLANNED, company, PLANNED))).statusCode(200).body("outcome", equalTo("UPDATED"));
        autotask(integration, secret, autotaskCallout("Update", ticket, 4, """
                {"status":5,"resolvedDateTime":"%s","companyID":%s,"lastActivityDate":"%s"}"""
                .formatted(RESOLVED, company, RESOLVED))).statusCode(200).body("outcome", equalTo("UPDATED"));
        return fourUpdatesOf(clientId);
    }

    /** Halo's documented webhooks of ticket 4242: logged, the response note, the closure. */
    private static List<ConsumerRecord<String, CloudEvent>> throughHalo() {
        String clientId = uniqueClient();
        String username = "halo-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "halo-password-" + UUID.randomUUID();
        String ticket = String.valueOf(newTicketId());
        String integration = haloIntegration(API_KEY_A, username, password);
        map(API_KEY_A, integration, Map.of("12", clientId)).statusCode(200);

        halo(integration, username, password, haloDocumented("new-ticket-logged.json", ticket)).statusCode(200)
                .body("outcome", equalTo("REPORTED"));
        halo(integration, username, password, haloDocumented("customer-note-added.json", ticket)).statusCode(200)
                .body("outcome", equalTo("UPDATED"));
        halo(integration, username, password, haloDocumented("ticket-closed.json", ticket)).statusCode(200)
                .body("outcome", equalTo("UPDATED"));
        return awaitEventsOf(clientId, records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 3);
    }

    private static List<ConsumerRecord<String, CloudEvent>> fourUpdatesOf(String clientId) {
        return awaitEventsOf(clientId, records -> ofType(records, IntakeEventTypes.PSA_TICKET_UPDATED).size() >= 4);
    }

    private static List<Milestones> milestones(List<ConsumerRecord<String, CloudEvent>> events) {
        return ofType(events, IntakeEventTypes.PSA_TICKET_UPDATED).stream()
                .map(PsaWebhookCalls::data)
                .map(update -> new Milestones(instant(update, "respondedAt"), instant(update, "planAt"),
                        instant(update, "resolvedAt")))
                .toList();
    }

    private static Instant instant(JsonNode update, String field) {
        return update.hasNonNull(field) ? Instant.parse(update.get(field).asText()) : null;
    }

    private static String autotaskCallout(String action, long ticket, long sequence, String fields) {
        return "{\"Action\":\"" + action + "\",\"Guid\":\"9a4e3b1c-6d2f-4e8a-b7c5-1f0d2e3a4b5c\",\"EntityType\":\"Ticket\","
                + "\"Id\":" + ticket + ",\"Fields\":" + fields + ",\"EventTime\":\"2026-09-25T06:12:30.000Z\","
                + "\"SequenceNumber\":" + sequence + ",\"PersonID\":29682885}";
    }

    private static String haloDocumented(String fixture, String ticket) {
        return PsaFixtures.text("halo/" + fixture).replace("4242", ticket);
    }

    private static long newTicketId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L);
    }
}
