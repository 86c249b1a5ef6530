package io.trustline.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.trustline.console.timeline.ScorePoint;
import io.trustline.console.timeline.Timeline;
import io.trustline.console.timeline.TimelineRefused;
import io.trustline.console.timeline.Timelines;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A client: trust and loyalty over time (chart and table), the churn risk and its causes, as of a date and under
 * another model if asked, and forms for the relationship moments. A recorded moment redirects back (PRG) and the page
 * waits, with htmx, until the relationship service has scored it.
 */
@Path("/clients/{clientId}")
@Produces(MediaType.TEXT_HTML)
public class ClientResource {

    /** The relationship service's client ids. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** The chart and table show at most this many points (the latest), so a long history stays a light page. */
    static final int MAX_POINTS_SHOWN = 500;
    private static final int MAX_PAGES = 10;

    private final Template client;
    private final Template scoring;
    private final Pages pages;
    private final ServiceApi services;
    private final Timelines timelines;
    private final ObjectMapper json;

    ClientResource(@Location("client.html") Template client, @Location("client-scoring.html") Template scoring, Pages pages,
                   ServiceApi services, Timelines timelines, ObjectMapper json) {
        this.client = client;
        this.scoring = scoring;
        this.pages = pages;
        this.services = services;
        this.timelines = timelines;
        this.json = json;
    }

    @GET
    public Response page(@RestPath String clientId, @RestQuery String asOf, @RestQuery String model, @RestQuery String recorded) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("No such client id").build();
        }
        return Response.ok(render(clientId, asOf, model, recorded, null, Map.of(), Map.of())).build();
    }

    /**
     * Polled by the "recorded, scoring…" notice: once the event is on the timeline the page reloads ({@code
     * HX-Refresh}), until then the notice stays and polls on.
     */
    @GET
    @Path("scored/{eventId}")
    public Response scored(@RestPath String clientId, @RestPath String eventId) {
        Optional<Timeline> timeline = timelines.read(clientId, Map.of(), MAX_PAGES).join();
        boolean scored = timeline.map(t -> t.points().stream().anyMatch(p -> p.eventId().equals(eventId))).orElse(false);
        if (scored) {
            return Response.ok("").header("HX-Refresh", "true").build();
        }
        return Response.ok(scoring.data("clientId", clientId).data("eventId", eventId)).build();
    }

    @POST
    @Path("moments/{moment}")
    public Response record(@RestPath String clientId, @RestPath("moment") String momentPath, @BeanParam MomentForm form) {
        Optional<Moment> moment = Moment.byPath(momentPath);
        if (moment.isEmpty() || !CLIENT_ID.matcher(clientId).matches()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("No such moment").build();
        }
        ServiceAnswer answer = services.post(Service.RELATIONSHIP,
                "/clients/" + ServicePaths.segment(clientId) + "/" + moment.get().path(), moment.get().body(form), form.idempotencyKey);
        if (answer.ok()) {
            String eventId = answer.body().path("eventId").asText("");
            return Response.seeOther(URI.create("/clients/" + ServicePaths.segment(clientId) + "?recorded="
                    + ServicePaths.segment(eventId))).build();
        }
        Map<String, String> errors = answer.status() == 400 || answer.status() == 422 ? fieldNames(answer.fieldErrors())
                : Map.of("", "The relationship service answered " + answer.status() + ".");
        return Response.status(answer.status() == 422 ? 422 : 400)
                .entity(render(clientId, null, null, null, moment.get(), errors, form.values())).build();
    }

    private TemplateInstance render(String clientId, String asOf, String model, String recorded, Moment failed,
                                    Map<String, String> errors, Map<String, String> typed) {
        String asOfInstant = asOfInstant(asOf);
        Map<String, String> query = new HashMap<>();
        if (asOfInstant != null) {
            query.put("asOf", asOfInstant);
        }
        CompletableFuture<Optional<Timeline>> main = timelines.read(clientId, query, MAX_PAGES);
        CompletableFuture<Optional<Timeline>> overlay = null;
        if (model != null && !model.isBlank()) {
            Map<String, String> whatIf = new HashMap<>(query);
            whatIf.put("model", model);
            overlay = timelines.read(clientId, whatIf, MAX_PAGES);
        }
        CompletableFuture<ServiceAnswer> risk = services.getAsync(Service.RELATIONSHIP,
                "/clients/" + ServicePaths.segment(clientId) + "/churn-risk", query);
        CompletableFuture<ServiceAnswer> models = services.getAsync(Service.RELATIONSHIP, "/models", Map.of());

        List<String> problems = new ArrayList<>();
        Optional<Timeline> timeline = joinTimeline(main, problems);
        Optional<Timeline> whatIf = overlay == null ? Optional.empty() : joinTimeline(overlay, problems);
        ServiceAnswer riskAnswer = join(risk);
        ServiceAnswer modelsAnswer = join(models);

        List<ScorePoint> points = timeline.map(Timeline::points).orElse(List.of());
        List<ScorePoint> shown = points.size() > MAX_POINTS_SHOWN ? points.subList(points.size() - MAX_POINTS_SHOWN, points.size()) : points;
        List<PointRow> rows = new ArrayList<>(shown.stream().map(ClientResource::row).toList());
        Collections.reverse(rows);
        boolean recordedShown = recorded != null && points.stream().anyMatch(p -> p.eventId().equals(recorded));
        ScorePoint recordedPoint = recordedShown ? points.stream().filter(p -> p.eventId().equals(recorded)).findFirst().get() : null;

        TemplateInstance page = pages.page(client, Nav.PORTFOLIO)
                .data("clientId", clientId)
                .data("clientPath", "/clients/" + ServicePaths.segment(clientId))
                .data("known", timeline.isPresent())
                .data("timeline", timeline.orElse(null))
                .data("trust", timeline.map(t -> score(t.trust())).orElse("—"))
                .data("loyalty", timeline.map(t -> score(t.loyalty())).orElse("—"))
                .data("modelId", timeline.map(Timeline::modelId).orElse(""))
                .data("asOfShown", timeline.map(Timeline::asOf).filter(a -> a != null).map(a -> Dates.minute(Instant.parse(a))).orElse(null))
                .data("asOf", asOf == null ? "" : asOf)
                .data("asOfDate", asOfInstant == null ? "" : asOfInstant.substring(0, 10))
                .data("model", model == null ? "" : model)
                .data("overlayModel", whatIf.map(Timeline::modelId).orElse(null))
                .data("truncated", points.size() > shown.size() || timeline.map(Timeline::truncated).orElse(false))
                .data("rows", rows)
                .data("chartData", chartData(shown, whatIf.map(Timeline::points).orElse(List.of())))
                .data("riskLevel", riskAnswer.ok() ? riskAnswer.body().path("level").asText("NONE") : null)
                .data("causes", riskAnswer.ok() ? causes(riskAnswer.body(), points) : List.of())
                .data("models", otherModels(modelsAnswer))
                .data("problems", problems)
                .data("recorded", recorded)
                .data("eventId", recorded)
                .data("recordedPending", recorded != null && !recordedShown && asOfInstant == null)
                .data("recordedPoint", recordedPoint == null ? null : row(recordedPoint))
                .data("failed", failed == null ? "" : failed.path())
                .data("errors", errors)
                .data("typed", typed);
        for (Moment moment : Moment.values()) {
            // a fresh key each render: a double submit of this form is one moment, a new form another
            page.data("key_" + moment.path().replace('-', '_'), UUID.randomUUID().toString());
        }
        return page;
    }

    private static Optional<Timeline> joinTimeline(CompletableFuture<Optional<Timeline>> read, List<String> problems) {
        try {
            return read.join();
        } catch (RuntimeException e) {
            RuntimeException cause = ServiceApi.unwrap(e);
            if (cause instanceof TimelineRefused refused) {
                problems.addAll(refused.answer().fieldErrors().values());
                return Optional.empty();
            }
            throw cause;
        }
    }

    private static ServiceAnswer join(CompletableFuture<ServiceAnswer> answer) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            throw ServiceApi.unwrap(e);
        }
    }

    /** A date from the picker means the end of that day (UTC); a full RFC 3339 instant is passed on as it is. */
    static String asOfInstant(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1).toString();
        } catch (DateTimeParseException notADate) {
            return asOf.strip();
        }
    }

    private static PointRow row(ScorePoint point) {
        return new PointRow(point.eventId(), anchor(point.eventId()), Dates.minute(point.occurredAt()), point.eventType(),
                score(point.trustAfter()), delta(point.trustDelta()), score(point.loyaltyAfter()), delta(point.loyaltyDelta()),
                point.loyaltyDelta() > 0, point.loyaltyDelta() < 0, point.sentence(), point.changes(),
                point.issueId() == null || point.issueId().isBlank() ? null : point.issueId());
    }

    static String anchor(String eventId) {
        return "p-" + eventId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static List<RiskCause> causes(JsonNode risk, List<ScorePoint> points) {
        List<RiskCause> causes = new ArrayList<>();
        for (JsonNode cause : risk.path("causes")) {
            List<RiskCause.EventLink> links = new ArrayList<>();
            for (JsonNode event : cause.path("events")) {
                String id = event.path("id").asText();
                String label = event.path("type").asText() + " " + Dates.day(event.path("occurredAt").asText());
                boolean onPage = points.stream().anyMatch(p -> p.eventId().equals(id));
                links.add(new RiskCause.EventLink(onPage ? anchor(id) : null, label));
            }
            causes.add(new RiskCause(cause.path("sentence").asText(), links));
        }
        return causes;
    }

    private static List<Map<String, Object>> otherModels(ServiceAnswer models) {
        List<Map<String, Object>> options = new ArrayList<>();
        if (!models.ok()) {
            return options;
        }
        for (JsonNode model : models.body().path("models")) {
            if (!model.path("active").asBoolean()) {
                String id = model.path("id").asText();
                options.add(Map.of("id", id, "label", id + (model.hasNonNull("description") ? " — " + model.path("description").asText() : "")));
            }
        }
        return options;
    }

    private String chartData(List<ScorePoint> points, List<ScorePoint> overlay) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (ScorePoint point : points) {
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("t", point.occurredAt().toEpochMilli());
            each.put("trust", point.trustAfter());
            each.put("loyalty", point.loyaltyAfter());
            each.put("type", point.eventType());
            each.put("when", Dates.minute(point.occurredAt()));
            each.put("sentence", point.sentence());
            each.put("changes", point.changes());
            each.put("anchor", anchor(point.eventId()));
            series.add(each);
        }
        List<Map<String, Object>> whatIf = overlay.stream()
                .map(point -> Map.<String, Object>of("t", point.occurredAt().toEpochMilli(), "trust", point.trustAfter(),
                        "loyalty", point.loyaltyAfter()))
                .toList();
        try {
            return json.writeValueAsString(Map.of("points", series, "overlay", whatIf));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart's data", e);
        }
    }

    /** The service's field names ({@code attendees[0]}, {@code value.currency}) as the form's ({@code attendees}, {@code currency}). */
    private static Map<String, String> fieldNames(Map<String, String> serviceErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> {
            String name = field.replaceAll("\\[.*$", "");
            name = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            name = name.equals("csat") || name.equals("nps") ? "score" : name;
            errors.merge(name, message, (a, b) -> a);
        });
        return errors;
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String delta(double value) {
        return value == 0 ? "" : String.format(Locale.ROOT, "%+.1f", value);
    }
}
