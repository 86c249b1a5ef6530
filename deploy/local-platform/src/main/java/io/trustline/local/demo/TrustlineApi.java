package io.trustline.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The platform's public REST APIs as a tenant reaches them: JSON over HTTP with the tenant's API key. */
public final class TrustlineApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> baseUrls;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrls base URL per service name ({@code intake}, {@code incident}, {@code relationship}) */
    public TrustlineApi(Map<String, String> baseUrls, String apiKey) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.apiKey = apiKey;
    }

    /** An answer: its status and its body (a missing node for an empty body). */
    public record Answer(int status, JsonNode body) {
    }

    /**
     * Sends a JSON body with the method, the key and the {@code Idempotency-Key} (when not null) and answers the
     * answer when its status is one of {@code expected}; any other status is an {@link UnexpectedAnswer} naming
     * the call and the problem the service answered.
     */
    public Answer send(String method, String service, String path, Object body, String idempotencyKey,
                       Set<Integer> expected) {
        HttpRequest.Builder request = request(service, path)
                .method(method, HttpRequest.BodyPublishers.ofString(json(body)))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return expect(method + " " + path, exchange(request.build(), service), expected);
    }

    /** GET with the key; answers the answer whatever its status. */
    public Answer get(String service, String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return exchange(request(service, uri.toString()).GET().build(), service);
    }

    /** GET expecting 200; its body. */
    public JsonNode getOk(String service, String path, Map<String, String> query) {
        return expect("GET " + path, get(service, path, query), Set.of(200)).body();
    }

    /** POSTs raw bytes without the API key, as a PSA calls its receiver, with the PSA's own headers. */
    public Answer postAsPsa(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl("intake") + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return expect("POST " + path, exchange(request.build(), "intake"), Set.of(200));
    }

    /** Whether the service answers its readiness check. */
    public boolean isReady(String service) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String baseUrl(String service) {
        String url = baseUrls.get(service);
        if (url == null) {
            throw new IllegalArgumentException("no URL for service " + service + "; known: " + baseUrls.keySet());
        }
        return url;
    }

    private HttpRequest.Builder request(String service, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private Answer exchange(HttpRequest request, String service) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(service + " at " + baseUrl(service) + " did not answer " + request.method()
                    + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Answer expect(String call, Answer answer, Set<Integer> expected) {
        if (!expected.contains(answer.status())) {
            throw new UnexpectedAnswer(call, answer);
        }
        return answer;
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + body, e);
        }
    }

    /** A call answered otherwise than the demo expects: names the call, the status and the service's problem. */
    public static final class UnexpectedAnswer extends RuntimeException {

        private final int status;

        UnexpectedAnswer(String call, Answer answer) {
            super(call + " answered " + answer.status() + (answer.body().isMissingNode() ? "" : ": " + answer.body()));
            this.status = answer.status();
        }

        public int status() {
            return status;
        }
    }
}
