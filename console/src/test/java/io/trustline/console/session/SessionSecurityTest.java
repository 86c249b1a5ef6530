package io.trustline.console.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trustline.console.MongoStandInResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's sessions over real HTTP with sessions in the Mongo stand-in. Sessions are made by the real store, as
 * sign-in makes them after a service accepted the key (which needs the services: see the browser test in
 * deploy/e2e-tests); here the relationship service is unreachable on purpose.
 */
@QuarkusTest
@WithTestResource(MongoStandInResource.class)
class SessionSecurityTest {

    private static final String KEY = "tl_test_secret_key_4711";
    /** A page that needs no service, so these tests run without the four (the portfolio's is unreachable here). */
    private static final String PAGE = "/live";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Inject
    SessionStore store;
    @Inject
    MongoClient mongo;

    @Test
    void everyPage_redirectsToSignIn_withoutASession() {
        for (String page : List.of("/", "/live", "/webhooks", "/models")) {
            given().redirects().follow(false).when().get(page)
                    .then().statusCode(303).header("Location", endsWith("/sign-in"));
        }
    }

    @Test
    void signInAndStaticFiles_needNoSession() {
        given().when().get("/sign-in").then().statusCode(200).body(containsString("name=\"apiKey\""));
        given().when().get("/static/console.css").then().statusCode(200);
        given().when().get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").then().statusCode(200);
        given().when().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void aForgedOrEndedSessionCookie_isClearedAndSentToSignIn() {
        given().redirects().follow(false).cookie(SessionCookie.NAME, "not-a-session").when().get("/")
                .then().statusCode(303).header("Location", endsWith("/sign-in"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void aPost_isForbidden_withoutOrWithAWrongCsrfToken() {
        String session = store.create(KEY);

        given().redirects().follow(false).cookie(SessionCookie.NAME, session).when().post("/sign-out")
                .then().statusCode(403);
        given().redirects().follow(false).cookie(SessionCookie.NAME, session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", "guessed")
                .when().post("/sign-out").then().statusCode(403);
        given().redirects().follow(false).cookie(SessionCookie.NAME, session).header("X-CSRF-Token", "guessed")
                .when().post("/sign-out").then().statusCode(403);

        given().redirects().follow(false).cookie(SessionCookie.NAME, session).when().get(PAGE).then().statusCode(200);
    }

    @Test
    void aPost_fromAnotherSite_isForbidden_evenWithTheRightToken() {
        String session = store.create(KEY);
        String csrf = csrfToken(session);

        given().redirects().follow(false).cookie(SessionCookie.NAME, session).header("Origin", "https://evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .when().post("/sign-out").then().statusCode(403);
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded").formParam("apiKey", KEY)
                .when().post("/sign-in").then().statusCode(403);
    }

    @Test
    void signOut_endsTheSession_andClearsTheCookie() {
        String session = store.create(KEY);
        String csrf = csrfToken(session);

        given().redirects().follow(false).cookie(SessionCookie.NAME, session)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .when().post("/sign-out")
                .then().statusCode(303).header("Location", endsWith("/sign-in"))
                .header("Set-Cookie", containsString(SessionCookie.NAME + "=;"))
                .header("Set-Cookie", containsString("Max-Age=0"))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));

        given().redirects().follow(false).cookie(SessionCookie.NAME, session).when().get("/")
                .then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void htmxRequests_carryTheTokenInAHeader_andAreToldToSignInWithoutASession() {
        String session = store.create(KEY);
        given().redirects().follow(false).cookie(SessionCookie.NAME, session).header("X-CSRF-Token", csrfToken(session))
                .when().post("/sign-out").then().statusCode(303);

        given().redirects().follow(false).header("HX-Request", "true").when().get("/")
                .then().statusCode(200).header("HX-Redirect", "/sign-in");
    }

    @Test
    void aPageWhoseServiceIsDown_saysWhich_insideTheLayout() {
        String session = store.create(KEY);
        given().cookie(SessionCookie.NAME, session).when().get("/")
                .then().statusCode(502)
                .body(containsString("the relationship service did not answer"))
                .body(containsString("action=\"/sign-out\""));
    }

    @Test
    void theSessionCookie_isHttpOnly_sameSiteStrict_forTheWholeSite() {
        SessionCookie cookie = new SessionCookie(new io.trustline.console.ConsoleConfigForTests(false));
        assertThat(cookie.issue("abc")).isEqualTo("trustline_session=abc; Path=/; HttpOnly; SameSite=Strict");
        assertThat(new SessionCookie(new io.trustline.console.ConsoleConfigForTests(true)).issue("abc")).endsWith("; Secure");
    }

    @Test
    void theStore_keepsAHashOfTheSessionId_notTheId() {
        String session = store.create(KEY);
        var sessions = mongo.getDatabase("trustline-console").getCollection(SessionStore.COLLECTION);
        assertThat(sessions.find(Filters.eq("_id", session)).first()).isNull();
        assertThat(sessions.find(Filters.eq("_id", Secrets.sha256Hex(session))).first()).isNotNull();
    }

    @Test
    void theStore_keepsTheKeySealedUnderTheSessionId_soTheCollectionAloneOpensNothing() {
        String session = store.create(KEY);
        var sessions = mongo.getDatabase("trustline-console").getCollection(SessionStore.COLLECTION);
        org.bson.Document stored = sessions.find(Filters.eq("_id", Secrets.sha256Hex(session))).first();
        assertThat(stored.toJson()).doesNotContain(KEY);
        assertThat(store.find(session)).get().extracting(ConsoleSession::apiKey).isEqualTo(KEY);

        // another session's sealed key moved into this one does not open with this cookie: the session ends
        String other = store.create("tl_some_other_tenant_key");
        String othersSealed = sessions.find(Filters.eq("_id", Secrets.sha256Hex(other))).first().getString("sealedApiKey");
        sessions.updateOne(Filters.eq("_id", Secrets.sha256Hex(session)),
                com.mongodb.client.model.Updates.set("sealedApiKey", othersSealed));
        assertThat(store.find(session)).isEmpty();
        assertThat(sessions.find(Filters.eq("_id", Secrets.sha256Hex(session))).first()).isNull();
    }

    @Test
    void signIn_saysWhenTheKeyCannotBeChecked_andStartsNoSession() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("apiKey", KEY)
                .when().post("/sign-in")
                .then().statusCode(503).header("Set-Cookie", nullValue())
                .body(containsString("Cannot check the key"));
    }

    @Test
    void theKey_appearsInNoResponse() {
        String session = store.create(KEY);
        for (String page : List.of("/", "/live", "/webhooks", "/models", "/sign-in")) {
            Response response = given().redirects().follow(false).cookie(SessionCookie.NAME, session).when().get(page);
            assertThat(response.asString()).doesNotContain(KEY);
            assertThat(response.getHeaders().asList()).noneMatch(header -> header.getValue().contains(KEY));
        }
        Response failedSignIn = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", KEY).when().post("/sign-in");
        assertThat(failedSignIn.asString()).doesNotContain(KEY);
    }

    @Test
    void pages_sendAContentSecurityPolicy_allowingOnlyTheConsoleItself() {
        String session = store.create(KEY);
        given().cookie(SessionCookie.NAME, session).when().get(PAGE)
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", "no-store");
    }

    private static String csrfToken(String session) {
        String page = given().cookie(SessionCookie.NAME, session).when().get(PAGE).then().statusCode(200).extract().asString();
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
        return matcher.group(1);
    }
}
