package io.trustline.relationship.moments;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ClientRelationshipResourceTest {

    private static final String MEETING = "{\"kind\": \"MONTHLY_REVIEW\", \"faceToFace\": true, "
            + "\"attendees\": [\"Dana\", \"Priya\"], \"notes\": \"went through the outage\", "
            + "\"occurredAt\": \"2026-03-05T14:00:00Z\"}";
    private static final String REFERRAL = "{\"referred\": \"Harbourside Orthodontics\"}";

    @Test
    void everyMoment_isAnsweredWithWhatWasStored_andPublishedAsACloudEventOfTheClient() {
        String clientId = uniqueClient();
        String issueId = UUID.randomUUID().toString();

        String meetingId = post(API_KEY_A, clientId, "meetings", MEETING).statusCode(201)
                .body("eventType", equalTo("MeetingHeld")).body("clientId", equalTo(clientId))
                .body("occurredAt", equalTo("2026-03-05T14:00:00Z")).body("kind", equalTo("MONTHLY_REVIEW"))
                .body("attendees", equalTo(List.of("Dana", "Priya"))).body("tenantId", nullValue())
                .extract().path("eventId");
        put(API_KEY_A, clientId, "{\"everyDays\": 30}").statusCode(200)
                .body("eventType", equalTo("MeetingCadenceAgreed")).body("everyDays", equalTo(30));
        post(API_KEY_A, clientId, "offers-declined", "{\"competitor\": \"BrightByte IT\", \"offer\": \"20% off\", "
                + "\"clientWords\": \"you know us\"}").statusCode(201).body("competitor", equalTo("BrightByte IT"));
        post(API_KEY_A, clientId, "renewals", "{\"termMonths\": 24, \"value\": {\"amount\": 50400.00, \"currency\": \"EUR\"}}")
                .statusCode(201).body("termMonths", equalTo(24)).body("value.currency", equalTo("EUR"));
        post(API_KEY_A, clientId, "referrals", REFERRAL).statusCode(201).body("referred", equalTo("Harbourside Orthodontics"));
        post(API_KEY_A, clientId, "gestures", "{\"gesture\": \"flowers for Dana\", \"by\": \"Priya\"}")
                .statusCode(201).body("by", equalTo("Priya"));
        post(API_KEY_A, clientId, "feedback", "{\"nps\": 9, \"comment\": \"quick\", \"issueId\": \"" + issueId + "\"}")
                .statusCode(201).body("nps", equalTo(9)).body("csat", nullValue()).body("issueId", equalTo(issueId));

        List<ConsumerRecord<String, CloudEvent>> published = eventsOf(clientId, 7);
        assertThat(published).extracting(r -> r.value().getType()).containsExactly(
                RelationshipEventTypes.MEETING_HELD, RelationshipEventTypes.MEETING_CADENCE_AGREED,
                RelationshipEventTypes.COMPETITOR_OFFER_DECLINED, RelationshipEventTypes.CONTRACT_RENEWED,
                RelationshipEventTypes.REFERRAL_GIVEN, RelationshipEventTypes.GOODWILL_GESTURE,
                RelationshipEventTypes.FEEDBACK_RECEIVED);
        assertThat(published).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(TENANT_A + ":" + clientId);
            assertThat(r.value().getExtension("tenantid")).isEqualTo(TENANT_A);
            assertThat(r.value().getSource()).hasToString("/trustline/relationship");
        });
        CloudEvent meeting = published.get(0).value();
        assertThat(meeting.getId()).isEqualTo(meetingId);
        assertThat(meeting.getTime().toInstant()).isEqualTo(Instant.parse("2026-03-05T14:00:00Z"));
        JsonNode data = dataOf(published.get(0));
        assertThat(data.get("tenantId").asText()).isEqualTo(TENANT_A);
        assertThat(data.get("faceToFace").asBoolean()).isTrue();
        assertThat(data.get("notes").asText()).isEqualTo("went through the outage");
        assertThat(dataOf(published.get(3)).get("value").get("amount").decimalValue()).isEqualByComparingTo("50400.00");
        assertThat(dataOf(published.get(6)).has("csat")).isFalse();
    }

    @Test
    void theCadenceInForceAgain_answersTheAgreementInForce_andOneDatedBeforeItIs400_neitherPublished() {
        String clientId = uniqueClient();
        String first = put(API_KEY_A, clientId, "{\"everyDays\": 30}").statusCode(200).extract().path("eventId");

        put(API_KEY_A, clientId, "{\"everyDays\": 30}").statusCode(200).body("eventId", equalTo(first));
        put(API_KEY_A, clientId, "{\"everyDays\": 14, \"occurredAt\": \"2026-01-01T00:00:00Z\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("occurredAt"))
                .body("errors.message", hasItem(containsString("before the meeting cadence in force")));

        assertThat(typesUpToAWitness(clientId)).containsExactly(RelationshipEventTypes.MEETING_CADENCE_AGREED,
                RelationshipEventTypes.REFERRAL_GIVEN);
    }

    @Test
    void aRetryWithItsIdempotencyKey_getsTheFirstAnswerAgain_andIsPublishedOnce_whileAnotherRequestIs422() {
        String clientId = uniqueClient();
        String key = UUID.randomUUID().toString();
        String gesture = "{\"gesture\": \"flowers for Dana\", \"by\": \"Priya\"}";

        String first = postWithKey(API_KEY_A, clientId, "gestures", key, gesture).statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue()).extract().asString();
        String again = postWithKey(API_KEY_A, clientId, "gestures", key, gesture).statusCode(200)
                .header(IdempotencyKeys.REPLAYED, "true").extract().asString();
        assertThat(JsonPath.from(again).getString("eventId")).isEqualTo(JsonPath.from(first).getString("eventId"));
        assertThat(again).isEqualTo(first);
        postWithKey(API_KEY_A, clientId, "gestures", key, "{\"gesture\": \"chocolates\", \"by\": \"Priya\"}")
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("client '" + clientId + "'"));
        postWithKey(API_KEY_A, clientId, "referrals", key, REFERRAL).statusCode(422);

        assertThat(typesUpToAWitness(clientId)).containsExactly(RelationshipEventTypes.GOODWILL_GESTURE,
                RelationshipEventTypes.REFERRAL_GIVEN);
    }

    @Test
    void theSameClientIdOfAnotherTenant_isThatTenantsOwnClient() {
        String clientId = uniqueClient();
        String key = UUID.randomUUID().toString();
        postWithKey(API_KEY_A, clientId, "referrals", key, REFERRAL).statusCode(201);

        postWithKey(API_KEY_B, clientId, "referrals", key, REFERRAL).statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue());

        List<ConsumerRecord<String, CloudEvent>> published = eventsOf(clientId, 2);
        assertThat(published).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(TENANT_A + ":" + clientId, TENANT_B + ":" + clientId);
    }

    @Test
    void anInvalidValue_is400_namingItsField() {
        String clientId = uniqueClient();
        String future = Instant.now().plus(Duration.ofMinutes(10)).toString();

        assertNamesField(post(API_KEY_A, "acme dental", "referrals", REFERRAL), "clientId");
        assertNamesField(post(API_KEY_A, "a".repeat(101), "referrals", REFERRAL), "clientId");
        assertNamesField(post(API_KEY_A, clientId, "referrals", "{\"referred\": \"Harbourside\", \"occurredAt\": \""
                + future + "\"}"), "occurredAt");
        assertNamesField(postWithKey(API_KEY_A, clientId, "referrals", "k".repeat(201), REFERRAL), "Idempotency-Key");

        assertNamesField(post(API_KEY_A, clientId, "meetings", "{\"kind\": \"LUNCH\", \"faceToFace\": true, "
                + "\"attendees\": [\"Dana\"]}"), "kind");
        assertNamesField(post(API_KEY_A, clientId, "meetings", "{\"kind\": \"QBR\", \"faceToFace\": true, "
                + "\"attendees\": []}"), "attendees");
        assertNamesField(post(API_KEY_A, clientId, "meetings", "{\"kind\": \"QBR\", \"attendees\": [\"Dana\"]}"),
                "faceToFace");
        assertNamesField(post(API_KEY_A, clientId, "meetings", "{\"kind\": \"QBR\", \"faceToFace\": false, "
                + "\"attendees\": [\"Dana\\u0007\"]}"), "attendees[0]");

        assertNamesField(put(API_KEY_A, clientId, "{\"everyDays\": 0}"), "everyDays");
        assertNamesField(put(API_KEY_A, clientId, "{\"everyDays\": 367}"), "everyDays");
        assertNamesField(put(API_KEY_A, clientId, "{\"everyDays\": \"30\"}"), "everyDays");

        assertNamesField(post(API_KEY_A, clientId, "offers-declined", "{\"competitor\": \"BrightByte\"}"), "offer");
        assertNamesField(post(API_KEY_A, clientId, "offers-declined", "{\"competitor\": \"" + "x".repeat(201)
                + "\", \"offer\": \"20% off\"}"), "competitor");

        assertNamesField(post(API_KEY_A, clientId, "renewals", "{\"termMonths\": 121}"), "termMonths");
        assertNamesField(post(API_KEY_A, clientId, "renewals", "{\"termMonths\": 12, \"value\": {\"amount\": 0, "
                + "\"currency\": \"EUR\"}}"), "value.amount");
        assertNamesField(post(API_KEY_A, clientId, "renewals", "{\"termMonths\": 12, \"value\": {\"amount\": 100.5, "
                + "\"currency\": \"JPY\"}}"), "value.amount");
        assertNamesField(post(API_KEY_A, clientId, "renewals", "{\"termMonths\": 12, \"value\": {\"amount\": 100, "
                + "\"currency\": \"EURO\"}}"), "value.currency");
        assertNamesField(post(API_KEY_A, clientId, "renewals", "{\"termMonths\": 12, \"value\": {\"amount\": 100, "
                + "\"currency\": \"ABC\"}}"), "value.currency");

        assertNamesField(post(API_KEY_A, clientId, "referrals", "{\"referred\": \"  \"}"), "referred");
        assertNamesField(post(API_KEY_A, clientId, "gestures", "{\"gesture\": \"flowers\"}"), "by");

        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"comment\": \"no score\"}"), "csat");
        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"csat\": 4, \"nps\": 9}"), "nps");
        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"csat\": 0}"), "csat");
        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"csat\": 6}"), "csat");
        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"nps\": -1}"), "nps");
        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"nps\": 11}"), "nps");
        assertNamesField(post(API_KEY_A, clientId, "feedback", "{\"csat\": 4, \"issueId\": \"ticket 42\"}"), "issueId");

        assertThat(typesUpToAWitness(clientId)).containsExactly(RelationshipEventTypes.REFERRAL_GIVEN);
    }

    @Test
    void theFeedbackSchema_saysExactlyOneScore() {
        JsonPath openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getList("components.schemas.RecordFeedbackRequest.oneOf.required"))
                .containsExactly(List.of("csat"), List.of("nps"));
        assertThat(openApi.getInt("components.schemas.RecordFeedbackRequest.properties.nps.maximum")).isEqualTo(10);
    }

    private static void assertNamesField(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field)).body("errors.message", hasItem(notNullValue()));
    }

    /** The client's moment types up to a witness stored after the calls under test, which the relay publishes in store order. */
    private static List<String> typesUpToAWitness(String clientId) {
        String witness = post(API_KEY_A, clientId, "referrals", REFERRAL).statusCode(201).extract().path("eventId");
        return KafkaTestTopics.awaitEvents(RelationshipTopics.EVENTS, records -> records.stream()
                        .anyMatch(r -> witness.equals(r.value().getId())))
                .stream().filter(r -> isMomentOf(clientId, r)).map(r -> r.value().getType()).toList();
    }

    private static List<ConsumerRecord<String, CloudEvent>> eventsOf(String clientId, int atLeast) {
        return KafkaTestTopics.awaitEvents(RelationshipTopics.EVENTS, records -> records.stream()
                        .filter(r -> isMomentOf(clientId, r)).count() >= atLeast)
                .stream().filter(r -> isMomentOf(clientId, r)).toList();
    }

    /** A recorded moment of the client, not an event derived from scoring it. */
    private static boolean isMomentOf(String clientId, ConsumerRecord<String, CloudEvent> record) {
        return clientId.equals(record.value().getSubject())
                && !RelationshipEventTypes.DERIVED.contains(record.value().getType());
    }

    private static JsonNode dataOf(ConsumerRecord<String, CloudEvent> record) {
        try {
            return GoldenJson.mapper().readTree(record.value().getData().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValidatableResponse post(String apiKey, String clientId, String path, String body) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body)
                .when().post("/clients/" + clientId + "/" + path).then();
    }

    private static ValidatableResponse postWithKey(String apiKey, String clientId, String path, String key, String body) {
        return given().header("Authorization", bearer(apiKey)).header(IdempotencyKeys.HEADER, key)
                .contentType("application/json").body(body)
                .when().post("/clients/" + clientId + "/" + path).then();
    }

    private static ValidatableResponse put(String apiKey, String clientId, String body) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body)
                .when().put("/clients/" + clientId + "/meeting-cadence").then();
    }
}
