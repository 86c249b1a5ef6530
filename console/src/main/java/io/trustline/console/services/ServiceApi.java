package io.trustline.console.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.trustline.console.ConsoleConfig;
import io.trustline.console.session.CurrentSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The services' public REST APIs, called with the signed-in tenant's key ({@code Authorization: Bearer}). A 401
 * throws {@link KeyRejected} (the session ends); no answer, or a 5xx, throws {@link ServiceUnavailable}; every
 * other status is the caller's to read.
 */
@ApplicationScoped
public class ServiceApi {

    private final HttpClient http;
    private final HttpClient streams;
    private final ObjectMapper json;
    private final ConsoleConfig config;
    private final CurrentSession session;
    private final Map<Service, String> baseUrls = new EnumMap<>(Service.class);

    ServiceApi(ObjectMapper json, ConsoleConfig config, CurrentSession session) {
        this.json = json;
        this.config = config;
        this.session = session;
        this.http = HttpClient.newBuilder().connectTimeout(config.serviceTimeout()).build();
        this.streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.serviceTimeout()).build();
        baseUrls.put(Service.INTAKE, trimmed(config.intakeUrl()));
        baseUrls.put(Service.INCIDENT, trimmed(config.incidentUrl()));
        baseUrls.put(Service.RELATIONSHIP, trimmed(config.relationshipUrl()));
        baseUrls.put(Service.NOTIFICATION, trimmed(config.notificationUrl()));
    }

    /** GET with the session's key. */
    public ServiceAnswer get(Service service, String path, Map<String, String> query) {
        return join(getAsync(service, path, query));
    }

    /**
     * GET with the session's key, not waiting: a page that needs several answers (one timeline per client) asks for
     * them all at once. Read the key now: the request scope is gone on the thread that completes the future.
     */
    public CompletableFuture<ServiceAnswer> getAsync(Service service, String path, Map<String, String> query) {
        return getAsync(session.apiKey(), service, path, query);
    }

    /** GET with a key read earlier, for calls chained off the request thread (following a cursor). */
    public CompletableFuture<ServiceAnswer> getAsync(String apiKey, Service service, String path, Map<String, String> query) {
        return send(service, withKey(apiKey, request(service, path, query)).GET().build());
    }

    /** The session's key, to pass to {@link #getAsync(String, Service, String, Map)} from the request thread. */
    public String sessionKey() {
        return session.apiKey();
    }

    /** GET with a key that is not (yet) a session's: sign-in checks the key with it. */
    public ServiceAnswer getWithKey(String apiKey, Service service, String path, Map<String, String> query) {
        return join(send(service, withKey(apiKey, request(service, path, query)).GET().build()));
    }

    /** POST of a JSON body with the session's key and an Idempotency-Key, so a repeated form records once. */
    public ServiceAnswer post(Service service, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = withKey(session.apiKey(), request(service, path, Map.of()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return join(send(service, request.build()));
    }

    /** PUT of a JSON body with the session's key (switching the active model). */
    public ServiceAnswer put(Service service, String path, Object body) {
        return join(send(service, withKey(session.apiKey(), request(service, path, Map.of()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build()));
    }

    /** POST without a body (a delivery's retry), with an Idempotency-Key. */
    public ServiceAnswer postEmpty(Service service, String path, String idempotencyKey) {
        HttpRequest.Builder request = withKey(session.apiKey(), request(service, path, Map.of()))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return join(send(service, request.build()));
    }

    /**
     * Opens a streamed GET (the live stream's Server-Sent Events) with a key read earlier: the status and the body as it
     * arrives, for the caller to read and close. HTTP/1.1, so closing the body closes the connection and the service
     * ends the stream.
     */
    public ServiceStream openStream(String apiKey, Service service, String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + pathAndQuery))
                .header("Authorization", "Bearer " + apiKey);
        headers.forEach(request::header);
        HttpResponse<java.io.InputStream> response = streams.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        return new ServiceStream(response.statusCode(), response.body());
    }

    private HttpRequest.Builder request(Service service, String path, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrls.get(service) + path + (queryString.isEmpty() ? "" : "?" + queryString));
        return HttpRequest.newBuilder(uri).timeout(config.serviceTimeout()).header("Accept", "application/json");
    }

    private static HttpRequest.Builder withKey(String apiKey, HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + apiKey);
    }

    private CompletableFuture<ServiceAnswer> send(Service service, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new ServiceUnavailable(service, "did not answer (" + rootMessage(failure) + ")");
                    }
                    if (response.statusCode() == 401) {
                        throw new KeyRejected(service);
                    }
                    if (response.statusCode() >= 500) {
                        throw new ServiceUnavailable(service, "answered " + response.statusCode());
                    }
                    return new ServiceAnswer(response.statusCode(), parse(response.body()));
                });
    }

    private static ServiceAnswer join(CompletableFuture<ServiceAnswer> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Unwraps what {@link #getAsync} futures fail with, for callers that join several. */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof IOException && root.getMessage() == null ? root.getClass().getSimpleName() : String.valueOf(root.getMessage());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
