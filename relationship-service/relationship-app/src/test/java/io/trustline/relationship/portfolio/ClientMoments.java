package io.trustline.relationship.portfolio;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.trustline.incident.api.ClientChasedUpdate;
import io.trustline.incident.api.ExpectationMissed;
import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Instant;
import java.util.UUID;

/**
 * A client of tenant A and its history: relationship moments recorded over REST, issue events published from the
 * producers' golden examples, each dated when asked. Every call answers the event's id.
 */
final class ClientMoments {

    // one generator: UUIDv7 ids are monotonic only within the generator that made them
    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();

    final String clientId;
    private final String issueId = UUID.randomUUID().toString();

    ClientMoments(String clientId) {
        this.clientId = clientId;
    }

    String meeting(Instant at, boolean faceToFace) {
        return post("meetings", "{\"kind\": \"MONTHLY_REVIEW\", \"faceToFace\": " + faceToFace
                + ", \"attendees\": [\"Dana\"], \"occurredAt\": \"" + at + "\"}");
    }

    String feedback(Instant at, int csat) {
        return post("feedback", "{\"csat\": " + csat + ", \"occurredAt\": \"" + at + "\"}");
    }

    String cadence(Instant at, int everyDays) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body("{\"everyDays\": " + everyDays + ", \"occurredAt\": \"" + at + "\"}")
                .when().put("/clients/" + clientId + "/meeting-cadence")
                .then().statusCode(200).extract().path("eventId");
    }

    String reported(Instant at) {
        return publish(IntakeTopics.EVENTS, IntakeEventTypes.ISSUE_REPORTED, IssueReported.class, at);
    }

    String expected(Instant at) {
        return publish(IntakeTopics.EVENTS, IntakeEventTypes.EXPECTATION_SET, ExpectationSet.class, at);
    }

    String chased(Instant at) {
        return publish(IncidentTopics.EVENTS, IncidentEventTypes.CLIENT_CHASED_UPDATE, ClientChasedUpdate.class, at);
    }

    String missed(Instant at) {
        return publish(IncidentTopics.EVENTS, IncidentEventTypes.EXPECTATION_MISSED, ExpectationMissed.class, at);
    }

    private String post(String moments, String body) {
        return given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(body)
                .when().post("/clients/" + clientId + "/" + moments)
                .then().statusCode(201).extract().path("eventId");
    }

    private String publish(String topic, String type, Class<?> event, Instant at) {
        String eventId = EVENT_IDS.generate().toString();
        GoldenExample<?> example = GoldenJson.exampleOfIssue(event, TENANT_A, clientId, issueId).with("occurredAt", at);
        KafkaTestTopics.publishEvent(topic, eventId, type, example);
        return eventId;
    }
}
