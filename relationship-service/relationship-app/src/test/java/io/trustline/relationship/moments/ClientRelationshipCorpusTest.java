package io.trustline.relationship.moments;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.MalformedBodies;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ClientRelationshipCorpusTest {

    /**
     * Every bad body for a path, generated from the OpenAPI schema, is refused; then the valid body is accepted,
     * and it alone is published for the client. Feedback's valid body gives nps: the schema's oneOf makes nps the
     * required one of the pair for the corpus, and csat's range is covered by the resource test.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "post | meetings        | MeetingHeld | {\"kind\": \"QBR\", \"faceToFace\": false, \"attendees\": [\"Dana\"], \"notes\": \"plans\", \"occurredAt\": \"2026-03-05T14:00:00Z\"}",
            "put  | meeting-cadence | MeetingCadenceAgreed | {\"everyDays\": 30, \"occurredAt\": \"2026-03-05T14:00:00Z\"}",
            "post | offers-declined | CompetitorOfferDeclined | {\"competitor\": \"BrightByte\", \"offer\": \"20% off\", \"clientWords\": \"no\"}",
            "post | renewals        | ContractRenewed | {\"termMonths\": 24, \"value\": {\"amount\": 50400.00, \"currency\": \"EUR\"}}",
            "post | referrals       | ReferralGiven | {\"referred\": \"Harbourside\"}",
            "post | gestures        | GoodwillGesture | {\"gesture\": \"flowers\", \"by\": \"Priya\"}",
            "post | feedback        | FeedbackReceived | {\"nps\": 9, \"comment\": \"quick\", \"issueId\": \"0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77\"}"})
    void everyMalformedBody_isRefusedWith4xxProblemJson_andNothingIsRecorded(String method, String path, String event,
                                                                              String validBody) {
        String clientId = uniqueClient();
        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        String operation = "/clients/{clientId}/" + path;
        List<MalformedBodies.Variant> variants = method.equals("put")
                ? MalformedBodies.forPut(openApi, operation, validBody)
                : MalformedBodies.forPost(openApi, operation, validBody);
        assertThat(variants).isNotEmpty();

        MalformedBodies.assertEachRefused(variants, body -> {
            Response response = send(method, clientId, path, body);
            return new MalformedBodies.Answer(response.statusCode(), response.contentType(), response.asString());
        });
        String eventId = send(method, clientId, path, validBody).then().statusCode(method.equals("put") ? 200 : 201)
                .extract().path("eventId");

        List<String> published = KafkaTestTopics.awaitEvents(RelationshipTopics.EVENTS, records -> records.stream()
                        .anyMatch(r -> eventId.equals(r.value().getId())))
                .stream().filter(r -> clientId.equals(r.value().getSubject())).map(r -> r.value().getType())
                .filter(type -> !RelationshipEventTypes.DERIVED.contains(type)).toList();
        // the relay publishes in store order: anything a refused body had recorded would come before the valid one
        assertThat(published).containsExactly("io.trustline.relationship." + event + ".v1");
    }

    private static Response send(String method, String clientId, String path, String body) {
        RequestSpecification request = given().header("Authorization", bearer(API_KEY_A))
                .contentType("application/json").body(body);
        String uri = "/clients/" + clientId + "/" + path;
        return method.equals("put") ? request.when().put(uri) : request.when().post(uri);
    }
}
