package io.trustline.e2e;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.api.IncidentEventTypes.ACTION_PLAN_ISSUED;
import static io.trustline.incident.api.IncidentEventTypes.ISSUE_ACKNOWLEDGED;
import static io.trustline.incident.api.IncidentEventTypes.ISSUE_RESOLVED;
import static io.trustline.incident.api.IncidentEventTypes.PROACTIVE_UPDATE_SENT;
import static io.trustline.testkit.TestIds.uniqueClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.restassured.response.Response;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.local.LocalPlatform;
import io.trustline.local.demo.AutotaskWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Autotask ticket worked in Autotask and nowhere else, on the packaged services: its webhooks — each delivered
 * twice, as Autotask does when an answer is slow — become one issue in intake, each milestone once in incident with
 * Autotask's instant, and one entry per milestone on the client's timeline.
 */
@ExtendWith(SharedPlatform.class)
class PsaWebhooksEndToEndTest {

    private static final String API_KEY = SharedPlatform.apiKey("psa");
    private static final String SECRET = "autotask-e2e-webhook-secret";
    private static final AutotaskWebhooks AUTOTASK = new AutotaskWebhooks(SECRET);
    private static final String COMPANY = "29683";
    private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant RESPONDED = Instant.parse("2026-12-01T08:12:00Z");
    private static final Instant PLANNED = Instant.parse("2026-12-01T08:40:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-01T11:05:00Z");
    private static final Instant NOTE_ADDED = Instant.parse("2026-12-01T11:20:00Z");

    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.platform();
        client = new PlatformClient(platform, API_KEY);
    }

    @Test
    void anAutotaskTicketCreatedRespondedPlannedAndResolved_eachWebhookSentTwice_isOneIssueWithEachMilestoneOnce() {
        String clientId = uniqueClient();
        String integrationId = client.connectAutotask(SECRET);
        client.mapCompany(integrationId, COMPANY, clientId);
        long ticket = ThreadLocalRandom.current().nextLong(100_000, 10_000_000);

        String issueId = twice(integrationId, ticketWebhook("Create", ticket, 1, """
                "title": "Payroll server unreachable", "description": "Nobody can run payroll",
                "companyID": %s, "contactID": 30682, "priority": 1, "status": 1, "createDate": "%s",
                "lastActivityDate": "%s\"""".formatted(COMPANY, CREATED, CREATED)));
        twice(integrationId, ticketWebhook("Update", ticket, 2, """
                "companyID": %s, "status": 8, "lastActivityDate": "%s", "firstResponseDateTime": "%s\""""
                .formatted(COMPANY, RESPONDED, RESPONDED)));
        twice(integrationId, ticketWebhook("Update", ticket, 3, """
                "companyID": %s, "status": 8, "lastActivityDate": "%s", "firstResponseDateTime": "%s",
                "resolutionPlanDateTime": "%s\"""".formatted(COMPANY, PLANNED, RESPONDED, PLANNED)));
        twice(integrationId, ticketWebhook("Update", ticket, 4, """
                "companyID": %s, "status": 5, "lastActivityDate": "%s", "firstResponseDateTime": "%s",
                "resolutionPlanDateTime": "%s", "resolvedDateTime": "%s\""""
                .formatted(COMPANY, RESOLVED, RESPONDED, PLANNED, RESOLVED)));
        // the last webhook: a note the client can see. Each ticket's changes are applied in order, so once its update
        // is on the incident topic, anything the redeliveries above could have caused would be there too
        twice(integrationId, noteWebhook(ticket, """
                "ticketID": %s, "title": "Resolved", "description": "Payroll ran at 11:00; the bank export is verified.",
                "publish": 1, "noteType": 1, "createDateTime": "%s\"""".formatted(ticket, NOTE_ADDED)));

        List<CloudEvent> incidentEvents = client.incidentEvents(issueId,
                events -> events.stream().anyMatch(event -> PROACTIVE_UPDATE_SENT.equals(event.getType())),
                Duration.ofSeconds(60));
        assertThat(instantsOf(incidentEvents, ISSUE_ACKNOWLEDGED)).containsExactly(RESPONDED);
        assertThat(instantsOf(incidentEvents, ACTION_PLAN_ISSUED)).containsExactly(PLANNED);
        assertThat(instantsOf(incidentEvents, ISSUE_RESOLVED)).containsExactly(RESOLVED);
        assertThat(incidentEvents).filteredOn(event -> List.of(ISSUE_ACKNOWLEDGED, ACTION_PLAN_ISSUED, ISSUE_RESOLVED)
                        .contains(event.getType()))
                .allSatisfy(event -> {
                    assertThat(PlatformClient.data(event).getString("source.psa")).isEqualTo("AUTOTASK");
                    assertThat(PlatformClient.data(event).getString("source.externalTicketId"))
                            .isEqualTo(Long.toString(ticket));
                });

        List<CloudEvent> intakeEvents = client.issueEventsOn(IntakeTopics.EVENTS, issueId,
                events -> !events.isEmpty(), Duration.ofSeconds(30));
        assertThat(intakeEvents).filteredOn(event -> IntakeEventTypes.ISSUE_REPORTED.equals(event.getType()))
                .singleElement()
                .satisfies(reported -> assertThat(PlatformClient.data(reported).getString("clientId")).isEqualTo(clientId));

        List<String> timeline = await().atMost(Duration.ofSeconds(60)).until(
                () -> client.timelineEvents(clientId).stream()
                        .filter(event -> issueId.equals(event.issueId()))
                        .map(PlatformClient.TimelineEvent::type)
                        .toList(),
                types -> types.contains("ProactiveUpdateSent"));
        assertThat(timeline).containsOnlyOnce("IssueReported", "IssueAcknowledged", "ActionPlanIssued", "IssueResolved");
    }

    /** Sends the webhook twice, as Autotask redelivers one it did not see answered; both answers are 200. */
    private static String twice(String integrationId, String body) {
        String first = send(integrationId, body).then().statusCode(200).extract().path("issueId");
        String again = send(integrationId, body).then().statusCode(200).extract().path("issueId");
        assertThat(again).as("the redelivery answers for the same issue").isEqualTo(first);
        return first;
    }

    private static Response send(String integrationId, String body) {
        return given().baseUri(client.url("intake"))
                .contentType("application/json")
                .header(AutotaskWebhooks.SIGNATURE_HEADER, AUTOTASK.signature(body))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/integrations/" + integrationId + "/events");
    }

    private static String ticketWebhook(String action, long ticket, int sequence, String fields) {
        return webhook(action, "Ticket", ticket, sequence, "{\"id\": " + ticket + ", " + fields + "}");
    }

    private static String noteWebhook(long ticket, String fields) {
        long noteId = ticket * 10 + 1;
        return webhook("Create", "TicketNote", noteId, 1, "{\"id\": " + noteId + ", " + fields + "}");
    }

    private static String webhook(String action, String entityType, long id, int sequence, String fields) {
        return AutotaskWebhooks.callout(action, UUID.randomUUID(), entityType, id, fields, Instant.now(), sequence);
    }

    private static List<Instant> instantsOf(List<CloudEvent> events, String type) {
        return events.stream().filter(event -> type.equals(event.getType()))
                .map(event -> Instant.parse(PlatformClient.data(event).getString("occurredAt")))
                .toList();
    }
}
