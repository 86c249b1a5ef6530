package io.trustline.intake.integration;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestTenants.bearer;

import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Request bodies and calls for the integration tests. */
final class IntegrationRequests {

    private IntegrationRequests() {
    }

    static String autotask(String name, String webhookSecret) {
        return """
                {"kind": "AUTOTASK", "name": "%s", "webhookSecret": "%s"}""".formatted(name, webhookSecret);
    }

    static String halo(String name, String username, String password) {
        return """
                {"kind": "HALO", "name": "%s", "basicAuth": {"username": "%s", "password": "%s"}}"""
                .formatted(name, username, password);
    }

    static String connectWise(String name, String... hosts) {
        return """
                {"kind": "CONNECTWISE", "name": "%s", "allowedKeyHosts": [%s]}"""
                .formatted(name, Arrays.stream(hosts).map(host -> "\"" + host + "\"").collect(Collectors.joining(", ")));
    }

    static String uniqueSecret(String what) {
        return what + "-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String apiKey, String body) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body)
                .when().post("/integrations").then();
    }

    static ValidatableResponse post(String apiKey, String idempotencyKey, String body) {
        return given().header("Authorization", bearer(apiKey)).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json").body(body)
                .when().post("/integrations").then();
    }

    static String created(String apiKey, String body) {
        return post(apiKey, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String apiKey, String path) {
        return given().header("Authorization", bearer(apiKey)).when().get(path).then();
    }

    static ValidatableResponse putMappings(String apiKey, String integrationId, String body) {
        return given().header("Authorization", bearer(apiKey)).contentType("application/json").body(body)
                .when().put("/integrations/" + integrationId + "/company-mappings").then();
    }
}
