package io.trustline.console.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.trustline.console.layout.Dates;
import io.trustline.console.layout.Nav;
import io.trustline.console.layout.Pages;
import io.trustline.console.services.EventTypes;
import io.trustline.console.services.Service;
import io.trustline.console.services.ServiceAnswer;
import io.trustline.console.services.ServiceApi;
import io.trustline.console.services.ServicePaths;
import io.trustline.console.services.ServiceUnavailable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The tenant's webhook endpoints (notification service) with each one's latest deliveries, read at once; a FAILED
 * delivery's retry, an endpoint's replay of a window with its progress polled by htmx, and registering an endpoint
 * (its signing secret shown once, on the answer).
 */
@Path("/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhooksResource {

    static final int DELIVERIES_SHOWN = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:|-]{1,300}");
    private static final Pattern LOCAL_MINUTE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private final Template webhooks;
    private final Template replay;
    private final Pages pages;
    private final ServiceApi services;

    WebhooksResource(@Location("webhooks.html") Template webhooks, @Location("webhooks-replay.html") Template replay, Pages pages,
                     ServiceApi services) {
        this.webhooks = webhooks;
        this.replay = replay;
        this.pages = pages;
        this.services = services;
    }

    @GET
    public Response page(@RestQuery String replayOf, @RestQuery String replayId, @RestQuery String retried) {
        return Response.ok(render(null, Map.of(), null, replayOf, replayId, retried)).build();
    }

    @POST
    @Path("deliveries/{deliveryId}/retry")
    public Response retry(@RestPath String deliveryId, @RestForm String idempotencyKey) {
        if (!ID.matcher(deliveryId).matches()) {
            return notFound();
        }
        ServiceAnswer answer = services.postEmpty(Service.NOTIFICATION,
                "/webhooks/deliveries/" + ServicePaths.segment(deliveryId) + "/retry", idempotencyKey);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/webhooks?retried=" + ServicePaths.segment(deliveryId))).build();
        }
        String message = answer.status() == 409
                ? "The delivery cannot be retried: it is " + answer.body().path("state").asText("not FAILED") + ". " + answer.body().path("detail").asText("")
                : String.join("; ", answer.fieldErrors().values());
        return Response.status(answer.status() == 409 ? 409 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(message, Map.of(), null, null, null, null)).build();
    }

    @POST
    @Path("endpoints/{endpointId}/replays")
    public Response replay(@RestPath String endpointId, @RestForm String since, @RestForm String until, @RestForm String idempotencyKey) {
        if (!ID.matcher(endpointId).matches()) {
            return notFound();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("since", instant(since));
        if (until != null && !until.isBlank()) {
            body.put("until", instant(until));
        }
        ServiceAnswer answer = services.post(Service.NOTIFICATION, "/webhooks/endpoints/" + ServicePaths.segment(endpointId) + "/replays",
                body, idempotencyKey);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/webhooks?replayOf=" + ServicePaths.segment(endpointId) + "&replayId="
                    + ServicePaths.segment(answer.body().path("replayId").asText()) + "#endpoint-" + ServicePaths.segment(endpointId))).build();
        }
        String message = answer.status() == 409
                ? "No replay: the endpoint is " + answer.body().path("state").asText("DISABLED") + "."
                : "Replay refused: " + String.join("; ", fieldMessages(answer));
        return Response.status(answer.status() == 409 ? 409 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(message, Map.of(), null, null, null, null)).build();
    }

    /** A replay's progress as a fragment, polling itself until every event is enqueued and none is pending. */
    @GET
    @Path("endpoints/{endpointId}/replays/{replayId}")
    public Response replayProgress(@RestPath String endpointId, @RestPath String replayId) {
        if (!ID.matcher(endpointId).matches() || !ID.matcher(replayId).matches()) {
            return notFound();
        }
        return Response.ok(replay.data("replay", replayStatus(endpointId, replayId))).build();
    }

    @POST
    @Path("endpoints")
    public Response register(@RestForm String url, @RestForm List<String> eventTypes, @RestForm String description,
                             @RestForm String filter, @RestForm String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url == null ? "" : url.strip());
        body.put("eventTypes", eventTypes == null ? List.of() : eventTypes);
        if (description != null && !description.isBlank()) {
            body.put("description", description.strip());
        }
        if (filter != null && !filter.isBlank()) {
            body.put("filter", filter.strip());
        }
        ServiceAnswer answer = services.post(Service.NOTIFICATION, "/webhooks/endpoints", body, idempotencyKey);
        if (answer.ok()) {
            // the only time the secret is shown: this answer is not stored anywhere (no-store) and not redirected to
            Map<String, Object> registered = Map.of("endpointId", answer.body().path("endpointId").asText(),
                    "url", answer.body().path("url").asText(), "secret", answer.body().path("secret").asText());
            return Response.status(answer.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(null, Map.of(), registered, null, null, null)).build();
        }
        Map<String, String> errors = answer.fieldErrors();
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("url", url == null ? "" : url);
        typed.put("description", description == null ? "" : description);
        typed.put("filter", filter == null ? "" : filter);
        return Response.status(answer.status() == 409 ? 409 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(null, errors, null, null, null, null).data("typed", typed)).build();
    }

    private TemplateInstance render(String error, Map<String, String> registerErrors, Map<String, Object> registered,
                                    String replayOf, String replayId, String retried) {
        ServiceAnswer list = services.get(Service.NOTIFICATION, "/webhooks/endpoints", Map.of());
        if (!list.ok()) {
            throw new ServiceUnavailable(Service.NOTIFICATION, "refused the endpoint list (" + list.status() + ")");
        }
        List<JsonNode> endpoints = new ArrayList<>();
        list.body().path("endpoints").forEach(endpoints::add);
        String apiKey = services.sessionKey();
        List<CompletableFuture<ServiceAnswer>> reads = endpoints.stream()
                .map(e -> services.getAsync(apiKey, Service.NOTIFICATION,
                        "/webhooks/endpoints/" + ServicePaths.segment(e.path("endpointId").asText()) + "/deliveries",
                        Map.of("limit", Integer.toString(DELIVERIES_SHOWN))))
                .toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            ServiceAnswer deliveries = join(reads.get(i));
            Map<String, Object> row = endpoint(endpoints.get(i), deliveries);
            boolean replaying = endpoints.get(i).path("endpointId").asText().equals(replayOf) && replayId != null && ID.matcher(replayId).matches();
            row.put("replay", replaying ? replayStatus(replayOf, replayId) : null);
            rows.add(row);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("url", "");
        typed.put("description", "");
        typed.put("filter", "");
        return pages.page(webhooks, Nav.WEBHOOKS)
                .data("endpoints", rows)
                .data("error", error)
                .data("retried", retried)
                .data("registered", registered)
                .data("registerErrors", registerErrors)
                .data("typed", typed)
                .data("types", EventTypes.options())
                .data("registerKey", UUID.randomUUID().toString());
    }

    private static Map<String, Object> endpoint(JsonNode e, ServiceAnswer deliveries) {
        Map<String, Object> row = new LinkedHashMap<>();
        String id = e.path("endpointId").asText();
        row.put("id", id);
        row.put("url", e.path("url").asText());
        List<String> types = new ArrayList<>();
        e.path("eventTypes").forEach(t -> types.add(t.asText().replace("io.trustline.", "")));
        row.put("eventTypes", types);
        List<String> clients = new ArrayList<>();
        e.path("clientIds").forEach(c -> clients.add(c.asText()));
        row.put("clientIds", clients);
        row.put("filter", e.path("filter").asText(null));
        row.put("description", e.path("description").asText(null));
        row.put("enabled", e.path("enabled").asBoolean(true));
        row.put("disabledReason", e.path("disabledReason").asText(null));
        row.put("disabledAt", minute(e.path("disabledAt")));
        row.put("registeredAt", minute(e.path("registeredAt")));
        List<Map<String, Object>> items = new ArrayList<>();
        if (deliveries.ok()) {
            deliveries.body().path("items").forEach(d -> items.add(delivery(d)));
        }
        row.put("deliveries", items);
        row.put("moreDeliveries", deliveries.ok() && deliveries.body().path("nextCursor").isTextual());
        row.put("replayKey", UUID.randomUUID().toString());
        return row;
    }

    private static Map<String, Object> delivery(JsonNode d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.path("deliveryId").asText());
        row.put("eventType", d.path("eventType").asText("").replace("io.trustline.", ""));
        row.put("clientId", d.path("clientId").asText(""));
        row.put("status", d.path("status").asText(""));
        row.put("attempts", d.path("attempts").asInt());
        String outcome = d.path("lastStatusCode").isNumber() ? "HTTP " + d.path("lastStatusCode").asInt()
                : d.path("lastError").asText(null);
        row.put("outcome", outcome == null ? "not attempted yet"
                : outcome + (d.path("lastAttemptAt").isTextual() ? " at " + minute(d.path("lastAttemptAt")) : "")
                  + (d.path("lastLatencyMs").isNumber() ? " (" + d.path("lastLatencyMs").asLong() + " ms)" : ""));
        row.put("next", minute(d.path("nextAttemptAt")));
        row.put("replay", d.path("replayId").isTextual());
        row.put("failed", d.path("status").asText("").equals("FAILED"));
        row.put("retryKey", UUID.randomUUID().toString());
        return row;
    }

    private Map<String, Object> replayStatus(String endpointId, String replayId) {
        ServiceAnswer answer = services.get(Service.NOTIFICATION, "/webhooks/endpoints/" + ServicePaths.segment(endpointId)
                + "/replays/" + ServicePaths.segment(replayId), Map.of());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("endpointId", endpointId);
        status.put("replayId", replayId);
        if (!answer.ok()) {
            status.put("status", "UNKNOWN");
            status.put("running", false);
            return status;
        }
        JsonNode r = answer.body();
        String state = r.path("status").asText("");
        int pending = r.path("pending").asInt();
        status.put("status", state);
        status.put("events", r.path("events").asInt());
        status.put("delivered", r.path("delivered").asInt());
        status.put("failed", r.path("failed").asInt());
        status.put("pending", pending);
        status.put("reason", r.path("reason").asText(null));
        status.put("since", minute(r.path("since")));
        status.put("until", minute(r.path("until")));
        status.put("running", state.equals("ENQUEUEING") || (state.equals("ENQUEUED") && pending > 0));
        status.put("href", "/webhooks/endpoints/" + ServicePaths.segment(endpointId) + "/replays/" + ServicePaths.segment(replayId));
        return status;
    }

    private static List<String> fieldMessages(ServiceAnswer answer) {
        List<String> messages = new ArrayList<>();
        answer.fieldErrors().forEach((field, message) -> messages.add(field.isEmpty() ? message : field + ": " + message));
        return messages;
    }

    /** {@code datetime-local} values are read in UTC, as the page shows every time. */
    static String instant(String local) {
        if (local != null && LOCAL_MINUTE.matcher(local).matches()) {
            return local + ":00Z";
        }
        return local == null ? "" : local;
    }

    private static String minute(JsonNode instant) {
        return instant.isTextual() ? Dates.minute(Instant.parse(instant.asText())) : null;
    }

    private static ServiceAnswer join(CompletableFuture<ServiceAnswer> answer) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            throw ServiceApi.unwrap(e);
        }
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("Not found").build();
    }
}
