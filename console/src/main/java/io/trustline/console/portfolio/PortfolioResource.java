package io.trustline.console.portfolio;

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
import io.trustline.console.timeline.ScorePoint;
import io.trustline.console.timeline.Timeline;
import io.trustline.console.timeline.Timelines;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The portfolio: every client of the tenant ({@code GET /clients} of the relationship service, the most at risk
 * first), each with a 30-day sparkline of trust and loyalty drawn from its timeline. The timelines of a page's
 * clients are read at once, so the page size bounds the cost.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortfolioResource {

    static final int PAGE_SIZE = 25;
    static final Duration SPARK_WINDOW = Duration.ofDays(30);
    /** Enough for any client the seeds or a normal tenant have; a longer history draws its first 5 000 points. */
    private static final int SPARK_MAX_PAGES = 5;
    private static final Set<String> LEVELS = Set.of("HIGH", "MEDIUM", "LOW", "NONE");
    private static final Set<String> SORTS = Set.of("risk", "trust", "loyalty");

    private final Template portfolio;
    private final Pages pages;
    private final ServiceApi services;
    private final Timelines timelines;

    PortfolioResource(@Location("portfolio.html") Template portfolio, Pages pages, ServiceApi services, Timelines timelines) {
        this.portfolio = portfolio;
        this.pages = pages;
        this.services = services;
        this.timelines = timelines;
    }

    @GET
    public Response portfolio(@RestQuery String risk, @RestQuery String sort, @RestQuery String cursor) {
        String level = risk != null && LEVELS.contains(risk) ? risk : null;
        String order = sort != null && SORTS.contains(sort) ? sort : "risk";
        Map<String, String> query = new HashMap<>();
        query.put("limit", Integer.toString(PAGE_SIZE));
        query.put("sort", order);
        if (level != null) {
            query.put("risk", level);
        }
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        ServiceAnswer answer = services.get(Service.RELATIONSHIP, "/clients", query);
        if (answer.status() == 400 && cursor != null) {
            // a cursor of another sort or a stale link: start the list again rather than fail
            return Response.seeOther(java.net.URI.create(link(level, order, null))).build();
        }
        if (!answer.ok()) {
            throw new io.trustline.console.services.ServiceUnavailable(Service.RELATIONSHIP, "refused the portfolio (" + answer.status() + ")");
        }
        Instant now = Instant.now();
        List<JsonNode> entries = new ArrayList<>();
        answer.body().path("clients").forEach(entries::add);
        List<CompletableFuture<Optional<Timeline>>> reads = entries.stream()
                .map(entry -> timelines.read(entry.path("clientId").asText(), Map.of(), SPARK_MAX_PAGES)).toList();
        List<PortfolioRow> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add(row(entries.get(i), timelineOf(reads.get(i)), now));
        }
        String next = answer.body().path("nextCursor").asText(null);
        TemplateInstance page = pages.page(portfolio, Nav.PORTFOLIO)
                .data("rows", rows)
                .data("risk", level == null ? "" : level)
                .data("sort", order)
                .data("filtered", level != null || cursor != null)
                .data("levelLinks", levelLinks(level, order))
                .data("sortLinks", sortLinks(level, order))
                .data("nextPage", next == null ? null : link(level, order, next))
                .data("firstPage", cursor == null ? null : link(level, order, null));
        return Response.ok(page).build();
    }

    private static List<ScorePoint> timelineOf(CompletableFuture<Optional<Timeline>> read) {
        try {
            return read.join().map(Timeline::points).orElse(List.of());
        } catch (RuntimeException e) {
            throw ServiceApi.unwrap(e);
        }
    }

    private static PortfolioRow row(JsonNode entry, List<ScorePoint> points, Instant now) {
        double trust = entry.path("trust").path("now").asDouble();
        double loyalty = entry.path("loyalty").path("now").asDouble();
        Instant windowStart = now.minus(SPARK_WINDOW);
        List<String> causes = new ArrayList<>();
        entry.path("risk").path("causes").forEach(cause -> causes.add(cause.path("sentence").asText()));
        JsonNode lastMeeting = entry.path("lastMeeting");
        String nextDue = entry.path("nextMeetingDueAt").asText(null);
        return new PortfolioRow(entry.path("clientId").asText(),
                score(trust), trend(entry.path("trust").path("trend30Days").asDouble()),
                Sparkline.of(points, windowStart, now, ScorePoint::trustBefore, ScorePoint::trustAfter, trust),
                score(loyalty), trend(entry.path("loyalty").path("trend30Days").asDouble()),
                Sparkline.of(points, windowStart, now, ScorePoint::loyaltyBefore, ScorePoint::loyaltyAfter, loyalty),
                entry.path("risk").path("level").asText("NONE"), causes,
                lastMeeting.isObject() ? Dates.day(lastMeeting.path("at").asText())
                        + (lastMeeting.path("faceToFace").asBoolean() ? " (face to face)" : "") : null,
                nextDue == null ? null : Dates.day(nextDue),
                nextDue != null && Instant.parse(nextDue).isBefore(now));
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String trend(double delta) {
        return delta == 0 ? "±0" : String.format(Locale.ROOT, "%+.1f", delta);
    }

    private static List<Map<String, Object>> levelLinks(String level, String sort) {
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(Map.of("label", "All", "href", link(null, sort, null), "current", level == null));
        for (String each : List.of("HIGH", "MEDIUM", "LOW", "NONE")) {
            links.add(Map.of("label", each, "href", link(each, sort, null), "current", each.equals(level)));
        }
        return links;
    }

    private static List<Map<String, Object>> sortLinks(String level, String sort) {
        return List.of(
                Map.of("label", "risk", "href", link(level, "risk", null), "current", sort.equals("risk")),
                Map.of("label", "lowest trust", "href", link(level, "trust", null), "current", sort.equals("trust")),
                Map.of("label", "lowest loyalty", "href", link(level, "loyalty", null), "current", sort.equals("loyalty")));
    }

    private static String link(String level, String sort, String cursor) {
        StringBuilder href = new StringBuilder("/?sort=").append(sort);
        if (level != null) {
            href.append("&risk=").append(level);
        }
        if (cursor != null) {
            href.append("&cursor=").append(java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
        }
        return href.toString();
    }
}
