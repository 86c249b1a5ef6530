package io.trustline.relationship.portfolio;

import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class PortfolioResource {

    @Inject
    Portfolio portfolio;
    @Inject
    CurrentTenant tenant;

    @GET
    @Operation(summary = "The portfolio: every client's trust, loyalty, trends, churn risk and meetings",
            description = "Per client: trust and loyalty now and their change over 30 days, the churn-risk level and "
                    + "causes (each naming its events), the last review meeting and when the next is due; assessedAt "
                    + "says when (an entry is re-assessed when the client has a new event, and as time passes). The "
                    + "most at risk first; follow nextCursor for the next page (null on the last). 400 naming a bad "
                    + "parameter.")
    public PortfolioPage clients(
            @Parameter(description = "Only the clients at this churn-risk level.",
                    schema = @Schema(enumeration = {"HIGH", "MEDIUM", "LOW", "NONE"}))
            @QueryParam("risk") @Pattern(regexp = "HIGH|MEDIUM|LOW|NONE") String risk,
            @Parameter(description = "risk: HIGH first; trust, loyalty: the lowest first. Ties by client id.",
                    schema = @Schema(enumeration = {"risk", "trust", "loyalty"}, defaultValue = "risk"))
            @QueryParam("sort") @DefaultValue("risk") @Pattern(regexp = "risk|trust|loyalty") String sort,
            // text, not int: JAX-RS answers 404 for a query parameter it cannot convert, and a bad value is a 400
            @Parameter(description = "Clients per page.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") @Pattern(regexp = "[1-9][0-9]?|[1-4][0-9][0-9]|500") String limit,
            @Parameter(description = "nextCursor of the previous page, as it came, with the same sort.")
            @QueryParam("cursor") @Size(max = 400) @Pattern(regexp = "[A-Za-z0-9_-]+") String cursor) {
        PortfolioSort order = PortfolioSort.valueOf(sort.toUpperCase(Locale.ROOT));
        PortfolioEntries.Page page = portfolio.page(tenant.id(), risk == null ? null : ChurnRisk.Level.valueOf(risk),
                order, PortfolioCursor.decode(cursor, order), Integer.parseInt(limit));
        List<PortfolioEntry> clients = page.entries();
        PortfolioEntry last = clients.isEmpty() ? null : clients.get(clients.size() - 1);
        return new PortfolioPage(clients, page.more()
                ? new PortfolioCursor(order, order.key(last), last.clientId()).encode() : null);
    }
}
