package io.trustline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tenant's response policy on incident-service: {@code GET} and {@code PUT /policies/response}. */
final class ResponsePolicyCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ResponsePolicyCall() {
    }

    /**
     * Sets the STOPPED × EVERYONE cell (the golden expectation's) to acknowledge within {@code acknowledge} and
     * everything else a day or two away, so only the acknowledgement falls due during the run.
     */
    static void acknowledgeStoppedForEveryoneWithin(String incidentUrl, String apiKey, Duration acknowledge)
            throws IOException, InterruptedException {
        HttpResponse<String> current = HTTP.send(request(incidentUrl, apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(200, current);
        ObjectNode policy = (ObjectNode) JSON.readTree(current.body());
        policy.remove("version");
        ((ObjectNode) policy.at("/cells/STOPPED/EVERYONE")).put("acknowledge", acknowledge.toString())
                .put("actionPlan", "P1D").put("updateEvery", "P1D").put("resolve", "P2D");
        expect(200, HTTP.send(request(incidentUrl, apiKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(policy.toString())).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest.Builder request(String incidentUrl, String apiKey) {
        return HttpRequest.newBuilder(URI.create(incidentUrl + "/policies/response"))
                .header("Authorization", "Bearer " + apiKey);
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " /policies/response answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
