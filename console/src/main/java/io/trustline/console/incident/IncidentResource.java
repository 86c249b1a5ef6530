package io.trustline.console.incident;

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
import io.trustline.console.services.ServicePaths;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * An incident: the client's expectation (intake's {@code GET /issues/{id}}), its targets against what happened and its
 * lifecycle as forms (incident's {@code GET /incidents/{id}} and commands); and a client's incidents as a list.
 */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentResource {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final List<String> CHANNELS = List.of("EMAIL", "PHONE", "PORTAL", "IN_PERSON", "PSA_NOTE");
    private static final List<String> STATES = List.of("OPEN", "RESOLVED", "CONFIRMED");

    private final Template incident;
    private final Template incidents;
    private final Pages pages;
    private final ServiceApi services;

    IncidentResource(@Location("incident.html") Template incident, @Location("incidents.html") Template incidents, Pages pages,
                     ServiceApi services) {
        this.incident = incident;
        this.incidents = incidents;
        this.pages = pages;
        this.services = services;
    }

    @GET
    public Response list(@RestQuery String clientId, @RestQuery String state, @RestQuery String cursor) {
        Map<String, String> query = new HashMap<>();
        query.put("limit", "50");
        query.put("clientId", clientId);
        query.put("state", state != null && STATES.contains(state) ? state : null);
        query.put("cursor", cursor);
        ServiceAnswer answer = services.get(Service.INCIDENT, "/incidents", query);
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (answer.ok()) {
            for (JsonNode item : answer.body().path("items")) {
                rows.add(listRow(item));
            }
        } else {
            problems.addAll(answer.fieldErrors().values());
        }
        String next = answer.body().path("nextCursor").asText(null);
        String base = "/incidents?clientId=" + ServicePaths.segment(clientId == null ? "" : clientId)
                + (query.get("state") == null ? "" : "&state=" + query.get("state"));
        return Response.ok(pages.page(incidents, Nav.PORTFOLIO)
                .data("clientId", clientId == null ? "" : clientId)
                .data("state", query.get("state") == null ? "" : query.get("state"))
                .data("states", STATES)
                .data("rows", rows)
                .data("problems", problems)
                .data("nextPage", next == null ? null : base + "&cursor=" + ServicePaths.segment(next))).build();
    }

    @GET
    @Path("{issueId}")
    public Response page(@RestPath String issueId, @RestQuery String done) {
        if (!ID.matcher(issueId).matches()) {
            return notFound();
        }
        TemplateInstance page = render(issueId, done, null, Map.of(), Map.of());
        return page == null ? notFound() : Response.ok(page).build();
    }

    @POST
    @Path("{issueId}/{action}")
    public Response act(@RestPath String issueId, @RestPath("action") String slug, @BeanParam ActionForm form) {
        Optional<IncidentAction> action = IncidentAction.bySlug(slug);
        if (action.isEmpty() || !ID.matcher(issueId).matches()) {
            return notFound();
        }
        ServiceAnswer answer = services.post(Service.INCIDENT,
                "/incidents/" + ServicePaths.segment(issueId) + "/" + action.get().path(), action.get().body(form), form.idempotencyKey);
        if (answer.ok()) {
            // the read model catches up moments after the 201: the page says what was recorded until it shows it
            return Response.seeOther(URI.create("/incidents/" + ServicePaths.segment(issueId) + "?done=" + slug)).build();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (answer.status() == 409) {
            errors.put("", refusedByState(action.get(), answer.body()));
        } else if (answer.status() == 404) {
            return notFound();
        } else {
            errors.putAll(answer.fieldErrors());
        }
        TemplateInstance page = render(issueId, null, action.get(), errors, form.typed());
        return Response.status(answer.status() == 409 ? 409 : answer.status() == 422 ? 422 : 400)
                .entity(page == null ? "" : page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** A 409's {@code state} and {@code allowed} in words: what the incident is, and what it accepts now. */
    static String refusedByState(IncidentAction action, JsonNode problem) {
        String state = problem.path("state").asText("");
        List<String> allowed = new ArrayList<>();
        problem.path("allowed").forEach(a -> allowed.add(a.asText()));
        String detail = problem.path("detail").asText("");
        String why = detail.contains(" State:") ? detail.substring(0, detail.indexOf(" State:")).strip() : "";
        StringBuilder message = new StringBuilder("“").append(action.label()).append("” is not possible now: the incident is ")
                .append(state.isEmpty() ? "in another state" : state).append('.');
        if (!why.isEmpty()) {
            message.append(" (").append(why.endsWith(".") ? why.substring(0, why.length() - 1) : why).append(".)");
        }
        if (!allowed.isEmpty()) {
            message.append(" Allowed now: ").append(String.join(", ", allowed)).append('.');
        }
        return message.toString();
    }

    private TemplateInstance render(String issueId, String done, IncidentAction failed, Map<String, String> errors, Map<String, String> typed) {
        String path = "/" + ServicePaths.segment(issueId);
        CompletableFuture<ServiceAnswer> issueRead = services.getAsync(Service.INTAKE, "/issues" + path, Map.of());
        CompletableFuture<ServiceAnswer> incidentRead = services.getAsync(Service.INCIDENT, "/incidents" + path, Map.of());
        ServiceAnswer issue = join(issueRead);
        ServiceAnswer incidentAnswer = join(incidentRead);
        if (issue.status() == 404 && incidentAnswer.status() == 404) {
            return null;
        }
        JsonNode details = incidentAnswer.ok() ? incidentAnswer.body() : null;
        JsonNode reported = issue.ok() ? issue.body() : null;
        String state = details == null ? "" : details.path("state").asText("");
        JsonNode expectation = reported == null ? null : reported.path("expectation");
        List<String> checks = new ArrayList<>();
        if (expectation != null) {
            expectation.path("how").path("acceptanceChecks").forEach(c -> checks.add(c.asText()));
        }
        List<Map<String, Object>> actions = actions(state, details != null && details.path("acknowledgement").isObject(),
                details != null && details.path("actionPlan").isObject() && !details.path("actionPlan").path("completedAt").isTextual());
        List<IncidentAction> offered = actions.stream().map(a -> IncidentAction.bySlug((String) a.get("slug")).orElseThrow()).toList();
        TemplateInstance page = pages.page(incident, Nav.PORTFOLIO)
                .data("issueId", issueId)
                .data("opened", details != null)
                .data("clientId", first(details, reported, "clientId"))
                .data("summary", first(details, reported, "summary"))
                .data("state", state)
                .data("reportedAt", reported == null ? null : minute(reported.path("reportedAt")))
                .data("reportedBy", reported == null ? null : reported.path("reportedBy").path("name").asText(null))
                .data("expectation", expectation == null || !expectation.isObject() ? null : Expectation.of(expectation))
                .data("targets", details == null ? List.of() : targets(details.path("targets")))
                .data("cadence", details == null ? null : cadence(details))
                .data("nextDeadline", details == null || !details.path("nextDeadline").isObject() ? null
                        : details.path("nextDeadline").path("kind").asText() + " by " + minute(details.path("nextDeadline").path("dueAt")))
                .data("facts", details == null ? List.of() : facts(details))
                .data("history", details == null ? List.of() : history(details))
                .data("actions", actions)
                .data("done", done == null ? null : IncidentAction.bySlug(done).map(IncidentAction::label).orElse(null))
                .data("checks", checks)
                .data("channels", CHANNELS)
                // a form the state no longer offers is not drawn: its error then shows at the top of the page
                .data("failed", failed == null || !offered.contains(failed) ? "" : failed.slug())
                .data("errors", errors)
                .data("typed", typed);
        return page;
    }

    private static List<Map<String, Object>> actions(String state, boolean acknowledged, boolean planOutstanding) {
        List<Map<String, Object>> offered = new ArrayList<>();
        for (IncidentAction action : IncidentAction.values()) {
            boolean once = action == IncidentAction.ACKNOWLEDGE && acknowledged
                    || action == IncidentAction.COMPLETE_PLAN && !planOutstanding;
            if (action.offeredIn(state) && !once) {
                // a fresh key each render: a double submit records once, a new form is a new moment
                offered.add(Map.of("slug", action.slug(), "label", action.label(), "key", UUID.randomUUID().toString()));
            }
        }
        return offered;
    }

    static List<TargetRow> targets(JsonNode targets) {
        List<TargetRow> rows = new ArrayList<>();
        if (!targets.isObject()) {
            return rows;
        }
        String[][] kinds = {{"acknowledge", "Acknowledge"}, {"plan", "Action plan"}, {"resolve", "Resolve"}};
        for (String[] kind : kinds) {
            JsonNode target = targets.path(kind[0]);
            if (target.isObject()) {
                String status = target.path("status").asText("PENDING");
                rows.add(new TargetRow(kind[1], minute(target.path("dueAt")), status, minute(target.path("metAt")),
                        status.equals("MISSED")));
            }
        }
        return rows;
    }

    private static Map<String, Object> cadence(JsonNode details) {
        JsonNode updates = details.path("targets").path("updates");
        if (!updates.isObject()) {
            return null;
        }
        Map<String, Object> cadence = new LinkedHashMap<>();
        cadence.put("every", readable(updates.path("every").asText("")));
        cadence.put("status", updates.path("status").asText(""));
        cadence.put("nextDueAt", minute(updates.path("nextDueAt")));
        cadence.put("overdueCount", updates.path("overdueCount").asInt());
        cadence.put("late", updates.path("overdueCount").asInt() > 0);
        cadence.put("sent", details.path("updates").path("count").asInt());
        cadence.put("lastSent", minute(details.path("updates").path("last").path("sentAt")));
        return cadence;
    }

    /** What the incident knows so far, one line each. */
    private static List<Map<String, String>> facts(JsonNode d) {
        List<Map<String, String>> facts = new ArrayList<>();
        JsonNode ack = d.path("acknowledgement");
        if (ack.isObject()) {
            facts.add(fact("Acknowledged", minute(ack.path("acknowledgedAt")) + " by " + ack.path("by").asText("") + note(ack.path("note"))));
        }
        JsonNode plan = d.path("actionPlan");
        if (plan.isObject()) {
            List<String> steps = new ArrayList<>();
            plan.path("steps").forEach(s -> steps.add(s.asText()));
            facts.add(fact("Action plan", minute(plan.path("issuedAt")) + ", owner " + plan.path("owner").asText("") + ": "
                    + String.join("; ", steps) + (plan.path("eta").isTextual() ? " (ETA " + minute(plan.path("eta")) + ")" : "")
                    + (plan.path("completedAt").isTextual() ? " — carried out " + minute(plan.path("completedAt")) : "")));
        }
        JsonNode updates = d.path("updates");
        if (updates.isObject()) {
            facts.add(fact("Proactive updates", updates.path("count").asInt() + ", latest " + minute(updates.path("last").path("sentAt"))
                    + " (" + updates.path("last").path("channel").asText("") + "): " + updates.path("last").path("message").asText("")));
        }
        JsonNode chases = d.path("chases");
        if (chases.isObject()) {
            facts.add(fact("Client chased", chases.path("count").asInt() + "×, latest " + minute(chases.path("last").path("chasedAt"))
                    + ": " + chases.path("last").path("asked").asText("")));
        }
        JsonNode disruption = d.path("lastDisruption");
        if (disruption.isObject()) {
            facts.add(fact("Disruption", minute(disruption.path("admittedAt")) + " (" + disruption.path("discovery").asText("") + "): "
                    + disruption.path("whatHappened").asText("")));
        }
        JsonNode resolution = d.path("resolution");
        if (resolution.isObject()) {
            facts.add(fact("Resolved", minute(resolution.path("resolvedAt")) + ": " + resolution.path("summary").asText("")));
        }
        JsonNode confirmation = d.path("confirmation");
        if (confirmation.isObject()) {
            facts.add(fact("Confirmed", minute(confirmation.path("confirmedAt")) + (confirmation.path("howCriteriaMet").asBoolean()
                    ? ": the client's criteria were met" : ": the client's criteria were NOT met") + note(confirmation.path("comment"))));
        }
        JsonNode reopening = d.path("lastReopening");
        if (reopening.isObject()) {
            facts.add(fact("Reopened", minute(reopening.path("reopenedAt")) + ": " + reopening.path("reason").asText("")));
        }
        return facts;
    }

    private static List<Map<String, String>> history(JsonNode details) {
        List<Map<String, String>> history = new ArrayList<>();
        details.path("history").forEach(h -> history.add(Map.of("type", h.path("type").asText(), "at", minute(h.path("occurredAt")))));
        java.util.Collections.reverse(history);
        return history;
    }

    private static Map<String, String> fact(String what, String text) {
        return Map.of("what", what, "text", text);
    }

    private static String note(JsonNode note) {
        return note.isTextual() && !note.asText().isBlank() ? " — “" + note.asText() + "”" : "";
    }

    static String minute(JsonNode instant) {
        return instant != null && instant.isTextual() ? Dates.minute(Instant.parse(instant.asText())) : null;
    }

    /** {@code PT1H30M} as {@code 1h 30m}. */
    static String readable(String isoDuration) {
        return isoDuration.isEmpty() ? "" : isoDuration.replace("PT", "").replace("P", "").replace("H", "h ").replace("M", "m ")
                .replace("S", "s").replace("D", "d ").strip();
    }

    private static String first(JsonNode a, JsonNode b, String field) {
        if (a != null && a.path(field).isTextual()) {
            return a.path(field).asText();
        }
        return b != null ? b.path(field).asText(null) : null;
    }

    private static ServiceAnswer join(CompletableFuture<ServiceAnswer> answer) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            throw ServiceApi.unwrap(e);
        }
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("No such incident").build();
    }

    private static Map<String, Object> listRow(JsonNode item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issueId", item.path("issueId").asText());
        row.put("href", "/incidents/" + ServicePaths.segment(item.path("issueId").asText()));
        row.put("summary", item.path("summary").asText(""));
        row.put("clientId", item.path("clientId").asText(""));
        row.put("state", item.path("state").asText(""));
        row.put("openedAt", minute(item.path("openedAt")));
        JsonNode next = item.path("nextDeadline");
        row.put("next", next.isObject() ? next.path("kind").asText() + " by " + minute(next.path("dueAt")) : "—");
        List<TargetRow> targets = targets(item.path("targets"));
        row.put("missed", targets.stream().filter(TargetRow::late).map(TargetRow::name).toList());
        return row;
    }
}
