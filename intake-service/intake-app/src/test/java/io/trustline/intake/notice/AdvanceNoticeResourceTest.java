package io.trustline.intake.notice;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.platform.rest.PlainText;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code /advance-notices} against the running service, with the real broker and event store. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class AdvanceNoticeResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant SIX_DAYS_AGO = NOW.minus(Duration.ofDays(6));
    private static final Instant TWO_HOURS_AGO = NOW.minus(Duration.ofHours(2));

    @Test
    void aNoticeKeptOnTime_publishesGivenThenFulfilled_withTheLeadTime() throws Exception {
        String clientId = uniqueClient();
        String noticeId = give(API_KEY_A, notice(clientId, SIX_DAYS_AGO, NOW.minus(Duration.ofDays(1))), null)
                .statusCode(201)
                .header("Location", containsString("/advance-notices/"))
                .body("state", equalTo("GIVEN"))
                .body("leadTime", equalTo("PT120H"))
                .extract().path("noticeId");

        fulfil(API_KEY_A, noticeId, fulfilment(NOW.minus(Duration.ofDays(2)), "laptop ready"), null).statusCode(200)
                .body("state", equalTo("FULFILLED"))
                .body("onTime", equalTo(true))
                .body("lateness", nullValue());

        List<ConsumerRecord<String, CloudEvent>> published = awaitFulfilment(clientId);
        assertThat(published).extracting(r -> r.value().getType())
                .containsExactly(IntakeEventTypes.ADVANCE_NOTICE_GIVEN, IntakeEventTypes.ADVANCE_NOTICE_FULFILLED);
        JsonNode given = data(published.get(0));
        assertThat(given.get("noticeId").asText()).isEqualTo(noticeId);
        assertThat(given.get("leadTime").asText()).isEqualTo("PT120H");
        assertThat(given.get("summary").asText()).isEqualTo("new hire starts Monday");
        assertThat(published.get(0).value().getTime().toInstant()).isEqualTo(SIX_DAYS_AGO);
        JsonNode fulfilled = data(published.get(1));
        assertThat(fulfilled.get("onTime").asBoolean()).isTrue();
        assertThat(fulfilled.has("lateness")).isFalse();
        assertThat(fulfilled.get("note").asText()).isEqualTo("laptop ready");
    }

    @Test
    void aLateFulfilment_isPublishedWithItsLateness_andTheNoticeShowsIt() throws Exception {
        String clientId = uniqueClient();
        String noticeId = noticeOf(clientId, SIX_DAYS_AGO, NOW.minus(Duration.ofHours(4)));

        fulfil(API_KEY_A, noticeId, fulfilment(TWO_HOURS_AGO, null), null).statusCode(200)
                .body("onTime", equalTo(false))
                .body("lateness", equalTo("PT2H"));

        JsonNode fulfilled = data(awaitFulfilment(clientId).get(1));
        assertThat(fulfilled.get("onTime").asBoolean()).isFalse();
        assertThat(fulfilled.get("lateness").asText()).isEqualTo("PT2H");
        get(API_KEY_A, noticeId).statusCode(200)
                .body("state", equalTo("FULFILLED"))
                .body("fulfilledAt", equalTo(TWO_HOURS_AGO.toString()))
                .body("lateness", equalTo("PT2H"));
    }

    @Test
    void aSecondFulfilment_is409NamingTheStateFulfilled_butARetryWithItsKeyIsReplayed() {
        String clientId = uniqueClient();
        String noticeId = noticeOf(clientId, SIX_DAYS_AGO, NOW.minus(Duration.ofDays(1)));
        String key = "psa-sync-" + UUID.randomUUID();
        String body = fulfilment(NOW.minus(Duration.ofDays(2)), null);

        fulfil(API_KEY_A, noticeId, body, key).statusCode(200);
        fulfil(API_KEY_A, noticeId, body, key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("state", equalTo("FULFILLED"));
        fulfil(API_KEY_A, noticeId, body, null).statusCode(409)
                .contentType("application/problem+json")
                .body("state", equalTo("FULFILLED"))
                .body("detail", containsString("fulfilled once"));
        fulfil(API_KEY_A, noticeId, fulfilment(NOW.minus(Duration.ofDays(1)), null), key).statusCode(422)
                .contentType("application/problem+json");

        // a witness notice after the retries: once its fulfilment is on the topic, so is every earlier one
        String witness = noticeOf(clientId, SIX_DAYS_AGO, NOW.minus(Duration.ofDays(1)));
        fulfil(API_KEY_A, witness, body, null).statusCode(200);
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> ofType(records, clientId, IntakeEventTypes.ADVANCE_NOTICE_FULFILLED).stream()
                        .anyMatch(r -> r.value().getId() != null && dataText(r).contains(witness)));
        assertThat(ofType(published, clientId, IntakeEventTypes.ADVANCE_NOTICE_FULFILLED)).hasSize(2);
    }

    @Test
    void aNoticeRetriedWithItsIdempotencyKey_answersTheFirstNotice_andRecordsNothingNew() {
        String clientId = uniqueClient();
        String key = "psa-delivery-" + UUID.randomUUID();
        String body = notice(clientId, null, NOW.plus(Duration.ofDays(5)));

        String noticeId = give(API_KEY_A, body, key).statusCode(201).extract().path("noticeId");
        String givenAt = get(API_KEY_A, noticeId).statusCode(200).extract().path("givenAt");
        give(API_KEY_A, body, key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("noticeId", equalTo(noticeId))
                .body("givenAt", equalTo(givenAt));
        give(API_KEY_A, body.replace("new hire", "two new hires"), key).statusCode(422)
                .contentType("application/problem+json");
        // the key is the tenant's own: another tenant's same key gives its own notice
        String other = give(API_KEY_B, body, key).statusCode(201).extract().path("noticeId");
        assertThat(other).isNotEqualTo(noticeId);
    }

    @Test
    void anUnknownNotice_orAnotherTenantsNotice_is404() {
        String noticeId = noticeOf(uniqueClient(), SIX_DAYS_AGO, NOW.minus(Duration.ofDays(1)));
        String unknown = UUID.randomUUID().toString();

        get(API_KEY_A, unknown).statusCode(404).contentType("application/problem+json");
        fulfil(API_KEY_A, unknown, fulfilment(TWO_HOURS_AGO, null), null).statusCode(404)
                .contentType("application/problem+json");
        get(API_KEY_B, noticeId).statusCode(404).contentType("application/problem+json");
        fulfil(API_KEY_B, noticeId, fulfilment(TWO_HOURS_AGO, null), null).statusCode(404);
        fulfil(API_KEY_B, noticeId, fulfilment(TWO_HOURS_AGO, null), "another-tenants-key").statusCode(404);
        get(API_KEY_A, noticeId).statusCode(200).body("state", equalTo("GIVEN"));
    }

    @Test
    void badInput_is400_namingTheField() {
        String clientId = uniqueClient();
        give(API_KEY_A, notice(clientId, null, NOW.minus(Duration.ofDays(1))), null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("neededBy"));
        give(API_KEY_A, notice(clientId, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(3))), null)
                .statusCode(400).body("errors.field", hasItem("givenAt"))
                .body("errors.message", hasItem(containsString("future")));
        give(API_KEY_A, notice(clientId, null, NOW.plus(Duration.ofDays(3))).replace("new hire starts Monday",
                "x".repeat(201)), null).statusCode(400).body("errors.field", hasItem("summary"));
        give(API_KEY_A, "{\"clientId\": \"" + clientId + "\", \"summary\": \"laptop\", \"neededBy\": 1700000000}", null)
                .statusCode(400).body("errors.field", hasItem("neededBy"));
        give(API_KEY_A, "{\"clientId\": \"" + clientId + "\", \"neededBy\": \"2099-01-01T00:00:00Z\"}", null)
                .statusCode(400).body("errors.field", hasItem("summary"));

        String noticeId = noticeOf(clientId, SIX_DAYS_AGO, NOW.minus(Duration.ofDays(1)));
        fulfil(API_KEY_A, noticeId, fulfilment(SIX_DAYS_AGO.minusSeconds(60), null), null).statusCode(400)
                .body("errors.field", hasItem("fulfilledAt"));
        fulfil(API_KEY_A, noticeId, fulfilment(NOW.plus(Duration.ofHours(1)), null), null).statusCode(400)
                .body("errors.field", hasItem("fulfilledAt"));
        fulfil(API_KEY_A, noticeId, "{\"note\": \"done\"}", null).statusCode(400)
                .body("errors.field", hasItem("fulfilledAt"));
        fulfil(API_KEY_A, noticeId, fulfilment(TWO_HOURS_AGO, "x".repeat(1001)), null).statusCode(400)
                .body("errors.field", hasItem("note"));
        get(API_KEY_A, noticeId).statusCode(200).body("state", equalTo("GIVEN"));
    }

    @Test
    void everyMalformedBody_isRefusedWith4xxProblemJson() {
        String openApi = openApi();
        List<MalformedBodies.Variant> notices = MalformedBodies.forPost(openApi, "/advance-notices",
                notice(uniqueClient(), SIX_DAYS_AGO, NOW.plus(Duration.ofDays(1))));
        assertThat(notices).extracting(MalformedBodies.Variant::name).contains("summary: NUL in text",
                "summary: maxLength 200 + 1", "neededBy: epoch number for date");
        MalformedBodies.assertEachRefused(notices, body -> answer(given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body).when().post("/advance-notices")));

        String noticeId = noticeOf(uniqueClient(), SIX_DAYS_AGO, NOW.plus(Duration.ofDays(1)));
        List<MalformedBodies.Variant> fulfilments = MalformedBodies.forPost(openApi,
                "/advance-notices/{noticeId}/fulfilment", fulfilment(TWO_HOURS_AGO, "done"));
        assertThat(fulfilments).extracting(MalformedBodies.Variant::name).contains("note: NUL in text");
        MalformedBodies.assertEachRefused(fulfilments, body -> answer(given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body).when().post("/advance-notices/" + noticeId + "/fulfilment")));
    }

    @Test
    void theOpenApiSchema_holdsTheConstraintsAndAnExample_andTheExamplesAreAccepted() {
        var openApi = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.GiveAdvanceNoticeRequest.required", hasItems("clientId", "summary", "neededBy"))
                .body("components.schemas.GiveAdvanceNoticeRequest.properties.summary.maxLength", equalTo(200))
                .body("components.schemas.GiveAdvanceNoticeRequest.properties.summary.pattern", equalTo(PlainText.ONE_LINE))
                .body("components.schemas.GiveAdvanceNoticeRequest.properties.neededBy.$ref",
                        equalTo("#/components/schemas/Instant"))
                .body("components.schemas.Instant.format", equalTo("date-time"))
                .body("components.schemas.FulfilAdvanceNoticeRequest.required", hasItem("fulfilledAt"))
                .body("components.schemas.FulfilAdvanceNoticeRequest.properties.note.maxLength", equalTo(1000))
                .body("components.schemas.GiveAdvanceNoticeRequest.examples[0].clientId", equalTo("acme-dental"))
                .extract();
        Object example = openApi.path("components.schemas.GiveAdvanceNoticeRequest.examples[0]");
        String noticeId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                .body(example).when().post("/advance-notices").then().statusCode(201).extract().path("noticeId");

        Object fulfilment = openApi.path("components.schemas.FulfilAdvanceNoticeRequest.examples[0]");
        given().header("Authorization", bearer(API_KEY_A)).contentType("application/json").body(fulfilment)
                .when().post("/advance-notices/" + noticeId + "/fulfilment").then().statusCode(200)
                .body("onTime", equalTo(true));
    }

    private static String noticeOf(String clientId, Instant givenAt, Instant neededBy) {
        return give(API_KEY_A, notice(clientId, givenAt, neededBy), null).statusCode(201).extract().path("noticeId");
    }

    private static String notice(String clientId, Instant givenAt, Instant neededBy) {
        return "{\"clientId\": \"" + clientId + "\", \"summary\": \"new hire starts Monday\", \"neededBy\": \"" + neededBy
                + "\"" + (givenAt == null ? "" : ", \"givenAt\": \"" + givenAt + "\"") + "}";
    }

    private static String fulfilment(Instant fulfilledAt, String note) {
        return "{\"fulfilledAt\": \"" + fulfilledAt + "\"" + (note == null ? "" : ", \"note\": \"" + note + "\"") + "}";
    }

    private static ValidatableResponse give(String apiKey, String body, String idempotencyKey) {
        var request = given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/advance-notices").then();
    }

    private static ValidatableResponse fulfil(String apiKey, String noticeId, String body, String idempotencyKey) {
        var request = given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/advance-notices/" + noticeId + "/fulfilment").then();
    }

    private static ValidatableResponse get(String apiKey, String noticeId) {
        return given().header("Authorization", bearer(apiKey)).when().get("/advance-notices/" + noticeId).then();
    }

    private static String openApi() {
        return given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    private static List<ConsumerRecord<String, CloudEvent>> awaitFulfilment(String clientId) {
        List<ConsumerRecord<String, CloudEvent>> published = KafkaTestTopics.awaitEvents(IntakeTopics.EVENTS,
                records -> !ofType(records, clientId, IntakeEventTypes.ADVANCE_NOTICE_FULFILLED).isEmpty());
        return published.stream().filter(r -> clientId.equals(r.value().getSubject())).toList();
    }

    private static List<ConsumerRecord<String, CloudEvent>> ofType(List<ConsumerRecord<String, CloudEvent>> records,
                                                                   String clientId, String type) {
        return records.stream().filter(r -> clientId.equals(r.value().getSubject()) && type.equals(r.value().getType()))
                .toList();
    }

    private static JsonNode data(ConsumerRecord<String, CloudEvent> record) throws Exception {
        return JSON.readTree(record.value().getData().toBytes());
    }

    private static String dataText(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static MalformedBodies.Answer answer(Response response) {
        return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
    }
}
