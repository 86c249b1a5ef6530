package io.trustline.intake.issue;

import static io.restassured.RestAssured.given;
import static io.trustline.intake.issue.IssueRequests.payroll;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.platform.axon.AxonRuntime;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import jakarta.inject.Inject;
import java.time.Duration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

/**
 * A read model that is down cannot fail a report: the POST stores the events and answers from them, and
 * the read model catches up when it runs again. (Before, the projection ran inside the request: its
 * failure answered 500 although the events were stored and published.)
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class ReadModelOutageTest {

    @Inject
    AxonRuntime axon;

    @Test
    void aReportIsAcceptedAndAnsweredInFull_whileTheIssueReadModelIsStopped_andShowsUpOnceItRunsAgain() {
        EventProcessor readModel = axon.configuration().eventProcessingConfiguration()
                .eventProcessor(IssueDetailsProjection.class.getSimpleName())
                .orElseThrow();
        String clientId = uniqueClient();
        String issueId;
        readModel.shutDown();
        try {
            issueId = given().header("Authorization", bearer(API_KEY_A)).contentType("application/json")
                    .body(payroll(clientId))
                    .when().post("/issues")
                    .then().statusCode(201)
                    .body("clientId", equalTo(clientId))
                    .body("expectation.when.reason", equalTo("payroll is due tomorrow"))
                    .extract().path("issueId");

            given().header("Authorization", bearer(API_KEY_A)).when().get("/issues/" + issueId)
                    .then().statusCode(404);
        } finally {
            readModel.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/issues/" + issueId)
                        .then().statusCode(200)
                        .body("clientId", equalTo(clientId))
                        .body("expectation.when.reason", equalTo("payroll is due tomorrow")));
    }
}
