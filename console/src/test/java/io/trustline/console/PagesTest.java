package io.trustline.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.console.session.SessionCookie;
import io.trustline.console.session.SessionStore;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incident, live stream, webhooks and models pages without the services (every one unreachable here): what they
 * show then, and that they keep to the CSP. With the services they are driven in a browser in deploy/e2e-tests.
 */
@QuarkusTest
@WithTestResource(MongoStandInResource.class)
class PagesTest {

    @Inject
    SessionStore store;

    @Test
    void everyPage_needsASession() {
        for (String page : List.of("/incidents/issue-1", "/incidents?clientId=acme", "/live", "/live/events", "/webhooks", "/models")) {
            given().redirects().follow(false).when().get(page).then().statusCode(303).header("Location", endsWith("/sign-in"));
        }
    }

    @Test
    void theLivePage_loadsItsScriptFromTheConsole_withNoInlineScript() {
        String page = given().cookie(SessionCookie.NAME, store.create("k")).when().get("/live?type=io.trustline.intake.IssueReported.v1")
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("<script src=\"/static/live.js\" defer></script>")
                .contains("<option value=\"io.trustline.intake.IssueReported.v1\" selected>intake.IssueReported.v1</option>");
        assertThat(page.replaceAll("<script src=\"[^\"]+\"( defer)?></script>", "")).doesNotContain("<script").doesNotContainPattern("\\son[a-z]+=");
        given().when().get("/static/live.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void theLiveStream_saysWhenTheNotificationServiceDoesNotAnswer_asAProblemEvent() {
        given().cookie(SessionCookie.NAME, store.create("k")).when().get("/live/events")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .body(containsString("event:problem"))
                .body(containsString("The notification service did not answer"));
    }

    @Test
    void pagesWhoseServiceIsDown_sayWhich() {
        String session = store.create("k");
        given().cookie(SessionCookie.NAME, session).when().get("/webhooks")
                .then().statusCode(502).body(containsString("the notification service did not answer"));
        given().cookie(SessionCookie.NAME, session).when().get("/models")
                .then().statusCode(502).body(containsString("the relationship service did not answer"));
        given().cookie(SessionCookie.NAME, session).when().get("/incidents/issue-1")
                .then().statusCode(502).body(containsString("service did not answer"));
    }

    @Test
    void anIdThatCannotBeAnIssue_isNotFound_beforeAnyServiceIsAsked() {
        given().cookie(SessionCookie.NAME, store.create("k")).when().get("/incidents/a%20b")
                .then().statusCode(404);
    }
}
