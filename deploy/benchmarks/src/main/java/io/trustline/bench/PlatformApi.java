package io.trustline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls of the benchmark's fixed mix, over the services' public REST APIs: an issue reported with its
 * expectation, then acknowledged, planned, updated twice, resolved and confirmed on its incident.
 */
final class PlatformApi {

    private static final Pattern ISSUE_ID = Pattern.compile("\"issueId\":\"([^\"]+)\"");

    // PSAs call over HTTP/1.1; the JDK client would otherwise upgrade to h2c, where the service's worker waits for the
    // body's frames (about 90 ms a request on this machine)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String intakeUrl;
    private final String incidentUrl;
    private final String apiKey;

    PlatformApi(String intakeUrl, String incidentUrl, String apiKey) {
        this.intakeUrl = intakeUrl;
        this.incidentUrl = incidentUrl;
        this.apiKey = apiKey;
    }

    /** Reports an issue with its expectation; returns its id. */
    String reportIssue(String clientId) throws IOException, InterruptedException {
        String body = post(intakeUrl + "/issues", """
                {"clientId": "%s", "summary": "Payroll server unreachable", "reportedBy": {"name": "Dana Office"},
                 "expectation": {"who": {"scope": "EVERYONE"}, "what": {"impact": "STOPPED"},
                   "when": {"resolveBy": "2099-12-01T12:00:00Z"}, "where": {"location": "HQ", "workMode": "ON_SITE"},
                   "how": {"resolvedWhen": "payroll runs"}}}
                """.formatted(clientId));
        Matcher id = ISSUE_ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no issueId in " + body);
        }
        return id.group(1);
    }

    /** Works the issue's incident through to the client's confirmation, once incident has opened it. */
    void workIncident(String issueId) throws IOException, InterruptedException {
        awaitIncident(issueId);
        String incident = incidentUrl + "/incidents/" + issueId;
        post(incident + "/acknowledgement", """
                {"by": "Sam Tech", "note": "Looking at it now"}""");
        post(incident + "/action-plan", """
                {"steps": ["restart the payroll VM", "verify the bank export"], "owner": "Sam Tech"}""");
        post(incident + "/updates", """
                {"message": "The VM is restarting.", "channel": "EMAIL"}""");
        post(incident + "/updates", """
                {"message": "Export verified; payroll runs next.", "channel": "PHONE"}""");
        post(incident + "/resolution", """
                {"summary": "Payroll VM restored"}""");
        post(incident + "/confirmation", """
                {"howCriteriaMet": true, "comment": "payroll ran"}""");
    }

    private void awaitIncident(String issueId) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(incidentUrl + "/incidents/" + issueId))
                .header("Authorization", "Bearer " + apiKey).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("incident " + issueId + " not opened after 2 minutes");
            }
            Thread.sleep(5);
        }
    }

    private String post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
