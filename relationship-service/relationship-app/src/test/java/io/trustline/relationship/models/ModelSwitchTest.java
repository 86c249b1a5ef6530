package io.trustline.relationship.models;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.nio.charset.StandardCharsets;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switching a tenant's active model, and comparing two. Tenant B's model is switched (and switched back after each
 * test), because the other tests score tenant A under the built-in model.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ModelSwitchTest {

    private static final TimeBasedEpochGenerator EVENT_IDS = Generators.timeBasedEpochGenerator();
    private static final String BUILT_IN = "trustline-default@1";
    private static final String OTHER_INSTANCE = "another-relationship-instance";

    @Inject
    ModelSwitches switches;
    @Inject
    RescoringSlices slices;
    @Inject
    ModelSwitchJob job;

    @AfterEach
    void switchBackToTheBuiltInModel() {
        switchTo(BUILT_IN);
        awaitSwitchDone(BUILT_IN);
    }

    @Test
    void aSwitch_rescoresEveryClient_showsItsProgress_andEventsArrivingMeanwhileEndOnTheNewTimeline() {
        String modelId = storeGenerousModel();
        String loyal = uniqueClient();
        declineOffer(loyal);
        String quiet = uniqueClient();
        List<String> quietEvents = new ArrayList<>(List.of(report(quiet), report(quiet)));
        awaitTimeline(loyal, BUILT_IN, 1);
        awaitTimeline(quiet, BUILT_IN, 2);

        JsonPath accepted = switchTo(modelId).then().statusCode(202).extract().jsonPath();
        for (int i = 0; i < 5; i++) {
            quietEvents.add(report(quiet));
        }

        assertThat(accepted.getString("latestSwitch.targetModelId")).isEqualTo(modelId);
        assertThat(accepted.getString("latestSwitch.fromModelId")).isEqualTo(BUILT_IN);
        assertThat(accepted.getString("latestSwitch.state")).isIn("RESCORING", "HANDING_OVER", "DONE");
        JsonPath done = awaitSwitchDone(modelId);
        assertThat(done.getString("activeModelId")).isEqualTo(modelId);
        assertThat(done.getInt("latestSwitch.clientsDone")).isEqualTo(done.getInt("latestSwitch.clientsTotal"))
                .isGreaterThanOrEqualTo(2);
        JsonPath loyalTimeline = awaitTimeline(loyal, modelId, 1);
        assertThat(loyalTimeline.getDouble("loyalty")).isEqualTo(80.0);
        JsonPath quietTimeline = awaitTimeline(quiet, modelId, quietEvents.size());
        assertThat(quietTimeline.getList("points.event.id")).containsAll(quietEvents);
        String afterTheSwitch = report(quiet);
        assertThat(awaitTimeline(quiet, modelId, quietEvents.size() + 1).getList("points.event.id"))
                .contains(afterTheSwitch);
    }

    @Test
    void aSwitchAnotherInstanceRuns_isRescoredHereSliceBySlice_andEndsWhenThatInstanceTakesItOn() {
        String modelId = storeGenerousModel();
        List<String> loyal = List.of(uniqueClient(), uniqueClient(), uniqueClient());
        loyal.forEach(ModelSwitchTest::declineOffer);
        loyal.forEach(clientId -> awaitTimeline(clientId, BUILT_IN, 1));

        // another instance starts the switch and holds it, and opens its slices: this instance's worker may only
        // rescore slices of it
        ModelSwitch started = switches.start(TENANT_B, BUILT_IN, modelId, Instant.now(), OTHER_INSTANCE,
                Duration.ofMinutes(5));
        slices.open(started, TENANT_B, job.slices());
        List<String> finishedBy = await().atMost(Duration.ofSeconds(30))
                .until(() -> slices.finishedBy(started, job.slices()), owners -> !owners.contains(null));
        assertThat(finishedBy).as("who rescored each slice").doesNotContain(OTHER_INSTANCE);
        assertThat(as().get("/models/active").then().statusCode(200).extract().jsonPath().getString("activeModelId"))
                .as("still the old model: only the instance running the switch makes the target active")
                .isEqualTo(BUILT_IN);

        // the other instance goes on: every slice is done, so it catches up, activates and hands over
        job.run(TENANT_B, OTHER_INSTANCE);

        JsonPath done = awaitSwitchDone(modelId);
        assertThat(done.getInt("latestSwitch.clientsDone")).isEqualTo(done.getInt("latestSwitch.clientsTotal"))
                .isGreaterThanOrEqualTo(loyal.size());
        loyal.forEach(clientId -> assertThat(awaitTimeline(clientId, modelId, 1).getDouble("loyalty")).isEqualTo(80.0));
    }

    @Test
    void switchingToAnUnknownModel_isA400_andToTheActiveOneA200() {
        switchTo("acme-missing@1").then().statusCode(400).body("errors[0].field", equalTo("modelId"));
        switchTo("not a model id").then().statusCode(400).body("errors[0].field", equalTo("modelId"));
        switchTo(BUILT_IN).then().statusCode(200).body("activeModelId", equalTo(BUILT_IN));
    }

    @Test
    void aComparison_givesEachClientUnderBothModels_andTheRiskFlips() {
        String modelId = storeGenerousModel();
        String loyal = uniqueClient();
        declineOffer(loyal);
        awaitTimeline(loyal, BUILT_IN, 1);

        JsonPath comparison = as().contentType("application/json")
                .body("{\"modelA\": \"" + BUILT_IN + "\", \"modelB\": \"" + modelId + "\", \"limit\": 500}")
                .post("/models/comparisons").then().statusCode(200).extract().jsonPath();

        assertThat(comparison.getString("modelA")).isEqualTo(BUILT_IN);
        String client = "clients.find { it.clientId == '" + loyal + "' }";
        assertThat(comparison.getDouble(client + ".loyaltyA")).isEqualTo(62.0);
        assertThat(comparison.getDouble(client + ".loyaltyB")).isEqualTo(80.0);
        assertThat(comparison.getBoolean(client + ".riskFlipped")).isFalse();
        assertThat(comparison.getList("riskFlips")).doesNotContain(loyal);
        as().contentType("application/json").body("{\"modelA\": \"" + BUILT_IN + "\", \"modelB\": \"acme-x@9\"}")
                .post("/models/comparisons").then().statusCode(400).body("errors[0].field", equalTo("modelB"));
        as().contentType("application/json").body("{\"modelA\": \"" + BUILT_IN + "\", \"modelB\": \"" + BUILT_IN
                + "\", \"limit\": 501}").post("/models/comparisons").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void comparisonsArePaged_byClientId() {
        String one = uniqueClient();
        String other = uniqueClient();
        declineOffer(one);
        declineOffer(other);
        awaitTimeline(one, BUILT_IN, 1);
        awaitTimeline(other, BUILT_IN, 1);

        JsonPath first = comparePage(null);
        JsonPath second = comparePage(first.getString("nextAfter"));

        assertThat(first.getList("clients")).hasSize(1);
        assertThat(first.getString("nextAfter")).isEqualTo(first.getString("clients[0].clientId"));
        assertThat(second.getString("clients[0].clientId")).isGreaterThan(first.getString("clients[0].clientId"));
    }

    private static JsonPath comparePage(String after) {
        String cursor = after == null ? "" : ", \"after\": \"" + after + "\"";
        return as().contentType("application/json").body("{\"modelA\": \"" + BUILT_IN + "\", \"modelB\": \""
                        + BUILT_IN + "\", \"limit\": 1" + cursor + "}")
                .post("/models/comparisons").then().statusCode(200).extract().jsonPath();
    }

    private static String storeGenerousModel() {
        String name = ModelFiles.uniqueName("generous");
        as().contentType("application/yaml")
                .body(ModelFiles.generousAboutOffers(name).getBytes(StandardCharsets.UTF_8))
                .post("/models").then().statusCode(201);
        return name + "@1";
    }

    private static void declineOffer(String clientId) {
        as().contentType("application/json").body("{\"competitor\": \"Cheap IT Ltd\", \"offer\": \"20% off\"}")
                .post("/clients/" + clientId + "/offers-declined").then().statusCode(201);
    }

    /** Publishes an IssueReported of a new issue of the client to Kafka, as the intake service would. */
    private static String report(String clientId) {
        String eventId = EVENT_IDS.generate().toString();
        GoldenExample<IssueReported> example = GoldenJson.exampleOfIssue(IssueReported.class, TENANT_B, clientId,
                UUID.randomUUID().toString());
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, eventId, IntakeEventTypes.ISSUE_REPORTED, example);
        return eventId;
    }

    private static Response switchTo(String modelId) {
        return as().contentType("application/json").body("{\"modelId\": \"" + modelId + "\"}").put("/models/active");
    }

    private static JsonPath awaitSwitchDone(String modelId) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> as().get("/models/active").then().statusCode(200).extract().jsonPath(),
                status -> status.getString("activeModelId").equals(modelId)
                        && (status.getString("latestSwitch") == null
                        || status.getString("latestSwitch.state").equals("DONE")));
    }

    /** Waits until the client's timeline is under the model and has at least {@code events} event points. */
    private static JsonPath awaitTimeline(String clientId, String modelId, int events) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response response = as().get("/clients/" + clientId + "/timeline");
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, timeline -> timeline != null && timeline.getString("modelId").equals(modelId)
                && timeline.getList("points.findAll { it.kind == 'EVENT' }").size() >= events);
    }

    private static RequestSpecification as() {
        return given().header("Authorization", bearer(API_KEY_B)).when();
    }
}
