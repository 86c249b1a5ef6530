package io.trustline.intake.psa;

import io.trustline.intake.psa.connectwise.SigningKeyUnavailable;
import io.trustline.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where a tenant's PSA sends its webhooks: one URL per integration, no API key (the PSA signs or authenticates each
 * call its own way, and the integration decides the tenant).
 */
@Path("/integrations/{integrationId}/events")
@Produces(MediaType.APPLICATION_JSON)
public class PsaWebhookResource {

    /** Seconds a PSA is asked to wait before sending a webhook again that could not be checked now. */
    static final String RETRY_AFTER_SECONDS = "2";

    @Inject
    PsaTicketIntake intake;

    @POST
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirements
    @Operation(summary = "Receive a webhook of the integration's PSA (ConnectWise, Autotask or Halo)",
            description = "Takes the body exactly as the PSA sent it, in the PSA's own format, authenticated the PSA's "
                    + "way: Autotask's X-Hook-Signature, ConnectWise's x-content-signature, Halo's Basic credentials. "
                    + "No API key: the integration in the URL decides the tenant. A ticket's first change reports an "
                    + "issue (IssueReported), later ones publish PsaTicketUpdated; one ticket is one issue. Answers 200 "
                    + "with the outcome, or 202 PARKED when the ticket's company has no company mapping yet (recorded "
                    + "once it has). A redelivery answers 2xx and records nothing new.")
    @Parameters({
            @Parameter(name = "X-Hook-Signature", in = ParameterIn.HEADER, required = false,
                    description = "Autotask: sha1= followed by base64(HMAC-SHA1(webhook secret, body))",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Parameter(name = "x-content-signature", in = ParameterIn.HEADER, required = false,
                    description = "ConnectWise: base64(HMAC-SHA256(SHA-256(signing key from Metadata.key_url), body))",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Parameter(name = "Authorization", in = ParameterIn.HEADER, required = false,
                    description = "Halo: Basic credentials set on the integration",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @RequestBody(description = "The webhook body exactly as the PSA sent it (JSON in the PSA's documented shape)",
            required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Recorded, or nothing to record: REPORTED, UPDATED, UNCHANGED, "
            + "STALE or IGNORED", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "202", description = "PARKED: the ticket's company is not mapped yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not the PSA's documented shape (malformed JSON, an unknown entity); "
            + "nothing recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature or credentials; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No integration with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The webhook cannot be checked now; nothing recorded, send it "
            + "again: ConnectWise's signing key could not be fetched from its key_url (unreachable, 5xx or 429; "
            + "Retry-After: " + RETRY_AFTER_SECONDS + "), or no integrations secret key is configured on this service",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before sending the webhook again "
                    + "(when ConnectWise's signing key could not be fetched)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@PathParam("integrationId") String integrationId, byte[] body,
                            @Context HttpHeaders headers) {
        Map<String, String> sent = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                sent.put(name, values.get(0));
            }
        });
        WebhookAnswer answer = intake.receive(integrationId, new WebhookRequest(sent, body == null ? new byte[0] : body));
        return Response.status(answer.outcome() == WebhookOutcome.PARKED ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(answer).build();
    }

    @ServerExceptionMapper
    public Response notAuthenticated(WebhookNotAuthenticated e) {
        return Problem.of(Response.Status.UNAUTHORIZED, "Webhook not authenticated", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(MalformedWebhook e) {
        return Problem.of(Response.Status.BAD_REQUEST, "Malformed webhook", e.getMessage()).toResponse();
    }

    /** Neither proven nor disproven: never 401, which would tell ConnectWise a good callback is bad. */
    @ServerExceptionMapper
    public Response signingKeyUnavailable(SigningKeyUnavailable e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "Signing key unavailable", e.getMessage()
                        + ". Nothing was recorded; send the callback again.")
                .toResponseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
