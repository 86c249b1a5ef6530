package io.trustline.incident.intake;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.expectationSet;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.incident.intake.IntakeEvents.psaTicketUpdated;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.PsaTicketUpdated;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Intake's {@code PsaTicketUpdated} through Kafka into the incident: each milestone recorded once, at the PSA's
 * instant and naming the PSA, however often the change arrives, and judged against the targets by that instant.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class PsaTicketUpdatesConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aTicketsMilestones_areRecordedOnce_atThePsasInstants_namingThePsa_thoughEachChangeCameThreeTimes()
            throws Exception {
        holdStoppedForEveryoneTo("PT30M", "PT40M");
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();
        Instant reportedAt = Instant.now().minus(Duration.ofMinutes(35)).truncatedTo(ChronoUnit.SECONDS);
        // acknowledge by reportedAt+30m (5 min ago), plan by reportedAt+40m (in 5 min)
        Instant respondedLate = reportedAt.plus(Duration.ofMinutes(32));
        Instant plannedInTime = reportedAt.plus(Duration.ofMinutes(34));
        Instant resolvedAt = reportedAt.plus(Duration.ofMinutes(34)).plusSeconds(30);
        GoldenExample<PsaTicketUpdated> planned = psaTicketUpdated(clientId, issueId)
                .with("occurredAt", plannedInTime.plusSeconds(5).toString())
                .with("respondedAt", respondedLate.toString())
                .with("planAt", plannedInTime.toString())
                .with("note.sentAt", plannedInTime.toString());
        GoldenExample<PsaTicketUpdated> resolved = planned.without("note")
                .with("occurredAt", resolvedAt.plusSeconds(5).toString())
                .with("status", "Completed")
                .with("resolvedAt", resolvedAt.toString());

        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, issueId).with("occurredAt", reportedAt.toString()));
        for (GoldenExample<PsaTicketUpdated> change : List.of(planned, resolved)) {
            String eventId = UUID.randomUUID().toString();
            // delivered, redelivered under the same id, and replayed by intake under a new one
            KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.PSA_TICKET_UPDATED, change);
            KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.PSA_TICKET_UPDATED, change);
            KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(),
                    IntakeEventTypes.PSA_TICKET_UPDATED, change);
        }
        // the targets come last: learnt after the acts, they judge them all the same
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.EXPECTATION_SET,
                expectationSet(clientId, issueId)
                        .with("occurredAt", resolvedAt.plusSeconds(10).toString())
                        .with("expectation.when.resolveBy", reportedAt.plus(Duration.ofHours(3)).toString()));

        List<ConsumerRecord<String, CloudEvent>> events = KafkaTestTopics.awaitEvents(IncidentTopics.EVENTS,
                        records -> records.stream().anyMatch(r -> isOfType(r, IncidentEventTypes.RESPONSE_TARGETS_SET, issueId)))
                .stream().filter(r -> data(r).contains(issueId))
                // a target the deadline found missed is recorded too, whenever its deadline fires
                .filter(r -> !r.value().getType().equals(IncidentEventTypes.RESPONSE_TARGET_MISSED)).toList();
        assertThat(events).extracting(r -> r.value().getType()).containsExactly(IncidentEventTypes.INCIDENT_OPENED,
                IncidentEventTypes.ISSUE_ACKNOWLEDGED, IncidentEventTypes.ACTION_PLAN_ISSUED,
                IncidentEventTypes.ISSUE_RESOLVED, IncidentEventTypes.RESPONSE_TARGETS_SET);
        JsonNode acknowledged = json(events.get(1));
        assertThat(acknowledged.get("occurredAt").asText()).isEqualTo(respondedLate.toString());
        assertThat(acknowledged.get("by").asText()).isEqualTo("ConnectWise PSA");
        assertThat(acknowledged.get("source").get("psa").asText()).isEqualTo("CONNECTWISE");
        assertThat(acknowledged.get("source").get("externalTicketId").asText())
                .isEqualTo(planned.text("externalTicketId"));
        JsonNode plan = json(events.get(2));
        assertThat(plan.get("occurredAt").asText()).isEqualTo(plannedInTime.toString());
        assertThat(plan.get("steps").get(0).asText()).isEqualTo(planned.text("note.text"));
        assertThat(plan.get("source").get("psa").asText()).isEqualTo("CONNECTWISE");
        assertThat(json(events.get(3)).get("occurredAt").asText()).isEqualTo(resolvedAt.toString());
        assertThat(json(events.get(3)).has("source")).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode targets = incident(issueId).get("targets");
            assertThat(targets.at("/acknowledge/status").asText()).isEqualTo("MISSED");
            assertThat(targets.at("/acknowledge/metAt").asText()).isEqualTo(respondedLate.toString());
            assertThat(targets.at("/plan/status").asText()).isEqualTo("MET");
            assertThat(targets.at("/plan/metAt").asText()).isEqualTo(plannedInTime.toString());
            assertThat(targets.at("/resolve/status").asText()).isEqualTo("MET");
        });
    }

    @Test
    void theSameTicketHistory_fromConnectWiseOrAutotask_endsInTheSameIncidentEvents() {
        Instant reportedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String clientId = uniqueClient();
        String throughConnectWise = UUID.randomUUID().toString();
        String throughAutotask = UUID.randomUUID().toString();

        replayTicketHistory(clientId, throughConnectWise, "CONNECTWISE", "104233", reportedAt);
        replayTicketHistory(clientId, throughAutotask, "AUTOTASK", "T20260302.0042", reportedAt);

        List<String> expected = List.of("IncidentOpened", "IssueAcknowledged", "ActionPlanIssued",
                "ProactiveUpdateSent", "IssueResolved", "IssueReopened", "ProactiveUpdateSent", "IssueResolved");
        List<Map.Entry<String, String>> connectWise = awaitHistory(throughConnectWise, expected.size());
        List<Map.Entry<String, String>> autotask = awaitHistory(throughAutotask, expected.size());
        assertThat(connectWise).extracting(Map.Entry::getKey).containsExactlyElementsOf(expected);
        assertThat(autotask).isEqualTo(connectWise);
        assertThat(connectWise.get(4).getValue()).isEqualTo(reportedAt.plus(Duration.ofMinutes(50)).toString());
        assertThat(connectWise.get(7).getValue()).isEqualTo(reportedAt.plus(Duration.ofMinutes(80)).toString());
    }

    @Test
    void aTicketChangeForAnIssueNeverReported_isDeadLettered_notMadeAnIncident() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();

        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(),
                IntakeEventTypes.PSA_TICKET_UPDATED, psaTicketUpdated(clientId, issueId));

        ConsumerRecord<String, byte[]> dead = KafkaTestTopics.awaitRecords(IntakeTopics.DEAD_LETTERS,
                        records -> records.stream().anyMatch(r -> (TENANT_A + ":" + clientId).equals(r.key())),
                        Duration.ofSeconds(60))
                .stream().filter(r -> (TENANT_A + ":" + clientId).equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestTopics.header(dead, "ce_type")).isEqualTo(IntakeEventTypes.PSA_TICKET_UPDATED);
        given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                .then().statusCode(404);
    }

    /**
     * One ticket's life as intake normalises it, whichever PSA it came from: responded, planned with a note, a
     * further note, resolved, reopened, noted, resolved again; every change delivered twice.
     */
    private static void replayTicketHistory(String clientId, String issueId, String psa, String ticket,
                                            Instant reportedAt) {
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, issueId).with("occurredAt", reportedAt.toString()));
        GoldenExample<PsaTicketUpdated> ticketState = psaTicketUpdated(clientId, issueId)
                .with("psa", psa).with("externalTicketId", ticket)
                .without("planAt").without("note").without("changedAt");
        List<GoldenExample<PsaTicketUpdated>> changes = new ArrayList<>();
        GoldenExample<PsaTicketUpdated> responded = ticketState.with("respondedAt", minutes(reportedAt, 10));
        changes.add(changed(responded, reportedAt, 11));
        GoldenExample<PsaTicketUpdated> planned = responded.with("planAt", minutes(reportedAt, 20));
        changes.add(changed(noted(planned, "n1", "Replacing the disk.", minutes(reportedAt, 20)), reportedAt, 21));
        changes.add(changed(noted(planned, "n2", "The spare server is up.", minutes(reportedAt, 35)), reportedAt, 36));
        GoldenExample<PsaTicketUpdated> resolved = planned.with("resolvedAt", minutes(reportedAt, 50));
        changes.add(changed(resolved.with("status", "Complete"), reportedAt, 51));
        changes.add(changed(planned.with("status", "Reopened").with("changedAt", minutes(reportedAt, 60)), reportedAt, 61));
        changes.add(changed(noted(planned, "n3", "Looking at the DNS again.", minutes(reportedAt, 70)), reportedAt, 71));
        changes.add(changed(planned.with("resolvedAt", minutes(reportedAt, 80)).with("status", "Complete"), reportedAt, 81));
        for (GoldenExample<PsaTicketUpdated> change : changes) {
            for (int delivery = 0; delivery < 2; delivery++) {
                KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(),
                        IntakeEventTypes.PSA_TICKET_UPDATED, change);
            }
        }
    }

    private static GoldenExample<PsaTicketUpdated> noted(GoldenExample<PsaTicketUpdated> change, String noteId,
                                                         String text, String sentAt) {
        return change.with("note", Map.of("noteId", noteId, "text", text, "sentAt", sentAt));
    }

    private static GoldenExample<PsaTicketUpdated> changed(GoldenExample<PsaTicketUpdated> change, Instant reportedAt,
                                                           int recordedAfterMinutes) {
        return change.with("occurredAt", minutes(reportedAt, recordedAfterMinutes));
    }

    private static String minutes(Instant from, int minutes) {
        return from.plus(Duration.ofMinutes(minutes)).toString();
    }

    /** The incident's stored events, oldest first, as (type, occurredAt). */
    private static List<Map.Entry<String, String>> awaitHistory(String issueId, int size) {
        List<Map.Entry<String, String>> history = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entries = incident(issueId).get("history");
            assertThat(entries).hasSizeGreaterThanOrEqualTo(size);
            history.clear();
            entries.forEach(e -> history.add(Map.entry(e.get("type").asText(), e.get("occurredAt").asText())));
        });
        return history;
    }

    private static JsonNode incident(String issueId) throws Exception {
        return MAPPER.readTree(given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                .then().statusCode(200).extract().asString());
    }

    /** Tenant A's policy for STOPPED on EVERYONE (the golden expectation's cell): these times to acknowledge and plan. */
    private static void holdStoppedForEveryoneTo(String acknowledge, String actionPlan) throws Exception {
        ObjectNode policy = (ObjectNode) MAPPER.readTree(given().header("Authorization", bearer(API_KEY_A))
                .when().get("/policies/response").then().statusCode(200).extract().asString());
        policy.remove("version");
        ((ObjectNode) policy.at("/cells/STOPPED/EVERYONE")).put("acknowledge", acknowledge).put("actionPlan", actionPlan)
                .put("updateEvery", "PT6H").put("resolve", "PT8H");
        given().header("Authorization", bearer(API_KEY_A)).contentType(ContentType.JSON)
                .body(policy.toString()).when().put("/policies/response").then().statusCode(200);
    }

    private static boolean isOfType(ConsumerRecord<String, CloudEvent> record, String type, String issueId) {
        return type.equals(record.value().getType()) && data(record).contains(issueId);
    }

    private static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(ConsumerRecord<String, CloudEvent> record) throws Exception {
        return MAPPER.readTree(record.value().getData().toBytes());
    }
}
