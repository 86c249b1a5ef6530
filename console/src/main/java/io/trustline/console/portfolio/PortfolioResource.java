package io.trustline.console.portfolio;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.trustline.console.layout.Nav;
import io.trustline.console.layout.Pages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The portfolio: every client of the tenant, the most at risk first. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortfolioResource {

    private final Template portfolio;
    private final Pages pages;

    PortfolioResource(@Location("portfolio.html") Template portfolio, Pages pages) {
        this.portfolio = portfolio;
        this.pages = pages;
    }

    @GET
    public TemplateInstance portfolio() {
        return pages.page(portfolio, Nav.PORTFOLIO);
    }
}
