package io.trustline.console.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.trustline.console.layout.Dates;
import io.trustline.console.layout.Nav;
import io.trustline.console.layout.Pages;
import io.trustline.console.services.Service;
import io.trustline.console.services.ServiceAnswer;
import io.trustline.console.services.ServiceApi;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The scoring model versions ({@code GET /models}), a comparison of two ({@code POST /models/comparisons}, a query
 * whatever its verb: the page asks it with GET) with the risk flips, and switching the active model ({@code PUT
 * /models/active}) with its progress polled by htmx until DONE or FAILED.
 */
@Path("/models")
@Produces(MediaType.TEXT_HTML)
public class ModelsResource {

    static final int COMPARISON_PAGE = 100;

    private final Template models;
    private final Template progress;
    private final Pages pages;
    private final ServiceApi services;

    ModelsResource(@Location("models.html") Template models, @Location("models-switch.html") Template progress, Pages pages,
                   ServiceApi services) {
        this.models = models;
        this.progress = progress;
        this.pages = pages;
        this.services = services;
    }

    @GET
    public Response page(@RestQuery String modelA, @RestQuery String modelB, @RestQuery String asOf, @RestQuery String after) {
        CompletableFuture<ServiceAnswer> listRead = services.getAsync(Service.RELATIONSHIP, "/models", Map.of());
        CompletableFuture<ServiceAnswer> activeRead = services.getAsync(Service.RELATIONSHIP, "/models/active", Map.of());
        ServiceAnswer list = join(listRead);
        ServiceAnswer active = join(activeRead);
        if (!list.ok()) {
            throw new ServiceUnavailable(Service.RELATIONSHIP, "refused the model list (" + list.status() + ")");
        }
        List<Map<String, Object>> versions = new ArrayList<>();
        list.body().path("models").forEach(m -> versions.add(version(m)));
        String activeId = list.body().path("activeModelId").asText("");
        TemplateInstance page = pages.page(models, Nav.MODELS)
                .data("versions", versions)
                .data("activeId", activeId)
                .data("modelA", modelA == null ? activeId : modelA)
                .data("modelB", modelB == null ? "" : modelB)
                .data("asOf", asOf == null ? "" : asOf)
                .data("switching", active.ok() ? switchStatus(active.body()) : null)
                .data("error", null)
                .data("comparison", null);
        if (modelA != null && modelB != null && !modelA.isBlank() && !modelB.isBlank()) {
            compare(page, modelA, modelB, asOf, after);
        }
        return Response.ok(page).build();
    }

    /** The switch's progress as a fragment; it polls itself (htmx) while the switch runs. */
    @GET
    @Path("switch")
    public TemplateInstance switchProgress() {
        ServiceAnswer active = services.get(Service.RELATIONSHIP, "/models/active", Map.of());
        return progress.data("switching", active.ok() ? switchStatus(active.body()) : null);
    }

    @POST
    @Path("switch")
    public Response switchTo(@RestForm String modelId) {
        ServiceAnswer answer = services.put(Service.RELATIONSHIP, "/models/active", Map.of("modelId", modelId == null ? "" : modelId));
        if (answer.ok()) {
            return Response.seeOther(URI.create("/models#switch")).build();
        }
        String message = answer.status() == 409
                ? "Another switch is running (" + answer.body().path("detail").asText("") + "): wait until it is DONE."
                : String.join("; ", answer.fieldErrors().values());
        ServiceAnswer list = services.get(Service.RELATIONSHIP, "/models", Map.of());
        List<Map<String, Object>> versions = new ArrayList<>();
        list.body().path("models").forEach(m -> versions.add(version(m)));
        ServiceAnswer active = services.get(Service.RELATIONSHIP, "/models/active", Map.of());
        TemplateInstance page = pages.page(models, Nav.MODELS)
                .data("versions", versions)
                .data("activeId", list.body().path("activeModelId").asText(""))
                .data("modelA", "").data("modelB", "").data("asOf", "")
                .data("switching", active.ok() ? switchStatus(active.body()) : null)
                .data("error", message)
                .data("comparison", null);
        return Response.status(answer.status() == 409 ? 409 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private void compare(TemplateInstance page, String modelA, String modelB, String asOf, String after) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("modelA", modelA);
        query.put("modelB", modelB);
        query.put("limit", COMPARISON_PAGE);
        if (asOf != null && asOf.matches("\\d{4}-\\d{2}-\\d{2}")) {
            query.put("asOf", asOf + "T23:59:59Z");
        }
        if (after != null && !after.isBlank()) {
            query.put("after", after);
        }
        // a query, not a change: no Idempotency-Key
        ServiceAnswer answer = services.post(Service.RELATIONSHIP, "/models/comparisons", query, null);
        if (!answer.ok()) {
            page.data("error", String.join("; ", answer.fieldErrors().values()));
            return;
        }
        JsonNode body = answer.body();
        List<Map<String, Object>> rows = new ArrayList<>();
        body.path("clients").forEach(c -> rows.add(comparisonRow(c)));
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("modelA", body.path("modelA").asText(modelA));
        comparison.put("modelB", body.path("modelB").asText(modelB));
        comparison.put("asOf", body.path("asOf").isTextual() ? Dates.minute(Instant.parse(body.path("asOf").asText())) : "now");
        comparison.put("riskFlips", body.path("riskFlips").asInt());
        comparison.put("rows", rows);
        String next = body.path("nextAfter").asText(null);
        comparison.put("nextPage", next == null ? null : "/models?modelA=" + enc(modelA) + "&modelB=" + enc(modelB)
                + (asOf == null ? "" : "&asOf=" + enc(asOf)) + "&after=" + enc(next) + "#comparison");
        page.data("comparison", comparison);
    }

    static Map<String, Object> comparisonRow(JsonNode c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("clientId", c.path("clientId").asText());
        row.put("trustA", score(c.path("trustA").asDouble()));
        row.put("trustB", score(c.path("trustB").asDouble()));
        row.put("trustDelta", delta(c.path("trustB").asDouble() - c.path("trustA").asDouble()));
        row.put("loyaltyA", score(c.path("loyaltyA").asDouble()));
        row.put("loyaltyB", score(c.path("loyaltyB").asDouble()));
        row.put("loyaltyDelta", delta(c.path("loyaltyB").asDouble() - c.path("loyaltyA").asDouble()));
        row.put("riskA", c.path("riskA").asText(""));
        row.put("riskB", c.path("riskB").asText(""));
        row.put("flipped", c.path("riskFlipped").asBoolean());
        return row;
    }

    static Map<String, Object> switchStatus(JsonNode active) {
        JsonNode latest = active.path("latestSwitch");
        if (!latest.isObject()) {
            return null;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        String state = latest.path("state").asText("");
        int done = latest.path("clientsDone").asInt();
        int total = latest.path("clientsTotal").asInt();
        status.put("target", latest.path("targetModelId").asText(""));
        status.put("from", latest.path("fromModelId").asText(""));
        status.put("state", state);
        status.put("running", !state.equals("DONE") && !state.equals("FAILED"));
        status.put("done", done);
        status.put("total", total);
        status.put("percent", total == 0 ? (state.equals("DONE") ? 100 : 0) : done * 100 / total);
        status.put("startedAt", minute(latest.path("startedAt")));
        status.put("finishedAt", minute(latest.path("finishedAt")));
        status.put("failedReason", latest.path("failedReason").asText(null));
        return status;
    }

    private static Map<String, Object> version(JsonNode m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.path("id").asText());
        v.put("description", m.path("description").asText(""));
        v.put("source", m.path("source").asText(""));
        v.put("storedAt", minute(m.path("storedAt")));
        v.put("active", m.path("active").asBoolean());
        return v;
    }

    private static String minute(JsonNode instant) {
        return instant.isTextual() ? Dates.minute(Instant.parse(instant.asText())) : null;
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String delta(double value) {
        return Math.abs(value) < 0.05 ? "±0" : String.format(Locale.ROOT, "%+.1f", value);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ServiceAnswer join(CompletableFuture<ServiceAnswer> answer) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            throw ServiceApi.unwrap(e);
        }
    }
}
