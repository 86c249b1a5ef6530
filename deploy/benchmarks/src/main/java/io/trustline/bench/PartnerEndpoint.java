package io.trustline.bench;

import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.relationship.api.RelationshipEventTypes;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A partner's webhook endpoint registered with notification, subscribed to every event type. */
final class PartnerEndpoint {

    private static final Pattern ENDPOINT_ID = Pattern.compile("\"endpointId\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String notificationUrl;
    private final String apiKey;

    PartnerEndpoint(String notificationUrl, String apiKey) {
        this.notificationUrl = notificationUrl;
        this.apiKey = apiKey;
    }

    /** Every type of the event catalog, quoted: the public constants of the three services' event type classes. */
    private static String catalog() {
        return Stream.of(IntakeEventTypes.class, IncidentEventTypes.class, RelationshipEventTypes.class)
                .flatMap(types -> Arrays.stream(types.getFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(type -> type.startsWith("io.trustline."))
                .map(type -> '"' + type + '"')
                .collect(Collectors.joining(", "));
    }

    void subscribeToEverything(String url) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(notificationUrl + "/webhooks/endpoints"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s", "eventTypes": [%s]}""".formatted(url, catalog())))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ENDPOINT_ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("POST /webhooks/endpoints answered " + created.statusCode() + ": " + created.body());
        }
        HttpRequest get = HttpRequest.newBuilder(URI.create(notificationUrl + "/webhooks/endpoints/" + id.group(1)))
                .header("Authorization", "Bearer " + apiKey).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        // the consumer matches events against a read model built asynchronously: wait until the endpoint is in it
        while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("endpoint " + id.group(1) + " not readable after a minute");
            }
            Thread.sleep(20);
        }
    }
}
