package io.trustline.console.layout;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The nav's pages that are not built yet, each saying so honestly instead of a dead link. A page's own package
 * replaces its method here when it lands.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class NotYetResource {

    private final Template notYet;
    private final Pages pages;

    NotYetResource(@Location("not-yet.html") Template notYet, Pages pages) {
        this.notYet = notYet;
        this.pages = pages;
    }

    @GET
    @Path("live")
    public TemplateInstance live() {
        return page(Nav.LIVE, "Live stream", "the tenant's events as they happen, filtered by type and client, pausable");
    }

    @GET
    @Path("webhooks")
    public TemplateInstance webhooks() {
        return page(Nav.WEBHOOKS, "Webhooks", "your endpoints, their deliveries, retry and replay");
    }

    @GET
    @Path("models")
    public TemplateInstance models() {
        return page(Nav.MODELS, "Models", "the scoring model versions, a comparison with the risk flips, switching the active model");
    }

    private TemplateInstance page(Nav nav, String title, String what) {
        return pages.page(notYet, nav).data("title", title).data("what", what);
    }
}
