package io.trustline.notification.ops;

import io.trustline.platform.problem.Problem;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/ops/lag")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class OpsLagResource {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger LOG = Logger.getLogger(OpsLagResource.class);

    @Inject
    CurrentTenant tenant;
    @Inject
    ConsumerLagView view;

    @GET
    @Operation(summary = "How far behind each Trustline consumer group is, in offsets and in your events",
            description = "Every consumer group of every Trustline service (group ids starting trustline-): its state, "
                    + "members and, per partition it consumes, committed offset, end offset and lag — infrastructure "
                    + "figures that count every tenant's records. Then, from reading the lagging records, your events "
                    + "each group has not applied yet: per CloudEvent type, for which clients, and the age of the "
                    + "oldest. Reading stops at the sample limit or time limit; the answer says so (sample.truncated, "
                    + "unapplied.complete), and the counts are then lower bounds.")
    @APIResponse(responseCode = "200", description = "The groups, ordered by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpsLag.class)))
    @APIResponse(responseCode = "400", description = "group is not a Trustline consumer group id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No consumer group with that id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not answer within trustline.ops.lag.kafka-timeout, or could "
            + "not answer (no broker reachable); nothing is wrong with the request",
            headers = @Header(name = "Retry-After", description = "seconds to wait before asking again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OpsLag lag(
            @Parameter(description = "only this consumer group", example = "trustline-notification-webhook-delivery")
            @QueryParam("group") @Size(max = 249) @Pattern(regexp = "trustline-[A-Za-z0-9._-]+") String group) {
        return view.measure(tenant.id(), Optional.ofNullable(group));
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(KafkaUnavailable e) {
        LOG.warn("GET /ops/lag: " + e.getMessage(), e.getCause());
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "Kafka unavailable",
                        e.getMessage() + " The lag cannot be measured now; ask again later.")
                .toResponseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
