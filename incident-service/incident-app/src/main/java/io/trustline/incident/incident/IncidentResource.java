package io.trustline.incident.incident;

import io.trustline.incident.api.IncidentTopics;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.rest.OpaqueCursor;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Every command answers 201 from the event it stored (the read model behind GET catches up moments later);
 * 409 when the incident's state forbids it, 400 naming {@code occurredAt} when that lies in the future or
 * before the incident was opened. An {@code Idempotency-Key} makes every POST safe to retry: the incident's own
 * events remember each key's request and answer (see {@link Incident}).
 */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class IncidentResource {

    private static final String ANSWER = " Answers 201 with what was stored (the rest of the incident is on GET); "
            + "409 when the incident's state does not allow it. With an Idempotency-Key, a retry of the same request "
            + "answers 200 with the first answer and the header Idempotent-Replayed: true, records nothing new and "
            + "is not checked against the state again; the same key with another request on this incident answers 422.";

    private final Clock clock = Clock.systemUTC();

    @Inject
    CommandGateway commands;
    @Inject
    QueryGateway queries;
    @Inject
    CurrentTenant tenant;

    @GET
    @Operation(summary = "A page of your tenant's incidents, in a stable order",
            description = "Filter by clientId and by state; follow nextCursor for the next page (null on the last).")
    public IncidentPage list(
            @QueryParam("clientId") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String clientId,
            @QueryParam("state") @Pattern(regexp = "OPEN|RESOLVED|CONFIRMED") String state,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]+") String cursor) {
        IncidentPage page = queries.query(new ListIncidents(tenant.id(), clientId,
                state == null ? null : IncidentState.valueOf(state), OpaqueCursor.decode(cursor), limit),
                IncidentPage.class).join();
        return new IncidentPage(page.items(), OpaqueCursor.encode(page.nextCursor()));
    }

    @GET
    @Path("/{issueId}")
    @Operation(summary = "The incident opened for a reported issue: its state and the latest of each kind of moment")
    public IncidentDetails get(@PathParam("issueId") String issueId) {
        return queries.query(new GetIncidentById(tenant.id(), issueId), ResponseTypes.optionalInstanceOf(IncidentDetails.class))
                .join()
                .orElseThrow(() -> new UnknownResourceException("incident", issueId));
    }

    @POST
    @Path("/{issueId}/acknowledgement")
    @Operation(summary = "Acknowledge the issue to the client (once)",
            description = "Emits IssueAcknowledged on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response acknowledge(@PathParam("issueId") String issueId, @NotNull @Valid AcknowledgeIssueRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/action-plan")
    @Operation(summary = "Issue an action plan for the incident",
            description = "Emits ActionPlanIssued on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response issueActionPlan(@PathParam("issueId") String issueId, @NotNull @Valid IssueActionPlanRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/action-plan/completion")
    @Operation(summary = "Record that the latest action plan was carried out",
            description = "Emits ActionPlanCompleted on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response completeActionPlan(@PathParam("issueId") String issueId,
                                       @NotNull @Valid CompleteActionPlanRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/updates")
    @Operation(summary = "Record a proactive update the client got without asking",
            description = "Emits ProactiveUpdateSent on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response sendProactiveUpdate(@PathParam("issueId") String issueId,
                                        @NotNull @Valid SendProactiveUpdateRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/chases")
    @Operation(summary = "Record that the client had to ask for an update",
            description = "Emits ClientChasedUpdate on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response recordClientChase(@PathParam("issueId") String issueId,
                                      @NotNull @Valid RecordClientChaseRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/disruptions")
    @Operation(summary = "Admit a service disruption, disclosed by the provider or discovered by the client",
            description = "Emits ServiceDisruptionAdmitted on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response admitServiceDisruption(@PathParam("issueId") String issueId,
                                           @NotNull @Valid AdmitServiceDisruptionRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/miscommunications")
    @Operation(summary = "Record a miscommunication between provider and client",
            description = "Emits MiscommunicationRecorded on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response recordMiscommunication(@PathParam("issueId") String issueId,
                                           @NotNull @Valid RecordMiscommunicationRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/resolution")
    @Operation(summary = "Resolve the issue",
            description = "Emits IssueResolved on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response resolve(@PathParam("issueId") String issueId, @NotNull @Valid ResolveIssueRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/confirmation")
    @Operation(summary = "Record the client's verdict on the resolution, check by check",
            description = "Emits ResolutionConfirmed on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response confirmResolution(@PathParam("issueId") String issueId,
                                      @NotNull @Valid ConfirmResolutionRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    @POST
    @Path("/{issueId}/reopening")
    @Operation(summary = "Reopen a resolved or confirmed issue",
            description = "Emits IssueReopened on " + IncidentTopics.EVENTS + "." + ANSWER)
    public Response reopen(@PathParam("issueId") String issueId, @NotNull @Valid ReopenIssueRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(issueId, request.toCommand(issueId, tenant.id(), clock.instant()), idempotencyKey, request);
    }

    private Response send(String issueId, IncidentCommand command, String idempotencyKey, Object request) {
        Object answer;
        try {
            answer = commands.sendAndWait(IdempotentCommands.message(command, idempotencyKey, request));
        } catch (OccurredAtOutOfRange e) {
            throw new InvalidFieldException("occurredAt", e.getMessage());
        }
        URI location = UriBuilder.fromResource(IncidentResource.class).path(issueId).build();
        if (answer instanceof IdempotentCommands.Replayed replayed) {
            return Response.ok(IncidentDetails.answering((IncidentEvent) replayed.answer())).location(location)
                    .header(IdempotencyKeys.REPLAYED, "true").build();
        }
        return Response.created(location).entity(IncidentDetails.answering((IncidentEvent) answer)).build();
    }
}
