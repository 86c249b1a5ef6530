package io.trustline.relationship.moments;

import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import io.trustline.relationship.api.RelationshipTopics;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Records the moments of a client relationship. Every POST answers 201 with the moment it stored, the PUT 200;
 * 400 naming {@code occurredAt} when that lies in the future (or, for a cadence, before the one in force). An
 * {@code Idempotency-Key} makes every call safe to retry: the relationship's own events remember each key's
 * request and answer (see {@link ClientRelationship}).
 */
@Path("/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class ClientRelationshipResource {

    /** As intake takes client ids; anchored, because the schema's pattern matches anywhere in the string. */
    private static final String CLIENT_ID = "^[A-Za-z0-9._:-]+$";
    private static final String CLIENT_ID_MESSAGE = "letters, digits and . _ : - only";
    private static final String ANSWER = " Answers 201 with the stored moment: its eventId (also the id of the "
            + "CloudEvent), eventType, clientId, occurredAt and fields. Any client id of yours may be used; the first "
            + "moment starts the client's relationship. " + "400 naming occurredAt when it is more than "
            + ClientRelationship.CLOCK_SKEW_MINUTES + " minutes ahead of the service's clock. "
            + "With an Idempotency-Key, a retry of the same request answers 200 with the first answer and the header "
            + "Idempotent-Replayed: true and records nothing new; the same key with another request on this client "
            + "answers 422.";

    private final Clock clock = Clock.systemUTC();

    @Inject
    CommandGateway commands;
    @Inject
    CurrentTenant tenant;

    @POST
    @Path("/{clientId}/meetings")
    @Operation(summary = "Record a meeting held with the client",
            description = "Emits MeetingHeld on " + RelationshipTopics.EVENTS + "." + ANSWER)
    public Response recordMeeting(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid RecordMeetingRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.CREATED);
    }

    @PUT
    @Path("/{clientId}/meeting-cadence")
    @Operation(summary = "Agree how often you meet the client",
            description = "Emits MeetingCadenceAgreed on " + RelationshipTopics.EVENTS + ". Answers 200 with the "
                    + "cadence in force: the agreement just stored, or, when the client already has this cadence, the "
                    + "earlier agreement (nothing is stored or published then). 400 naming occurredAt when it is more "
                    + "than " + ClientRelationship.CLOCK_SKEW_MINUTES + " minutes ahead of the service's clock, or "
                    + "before the cadence in force was agreed. An Idempotency-Key works as on the POSTs.")
    public Response agreeMeetingCadence(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid AgreeMeetingCadenceRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.OK);
    }

    @POST
    @Path("/{clientId}/offers-declined")
    @Operation(summary = "Record that the client declined a competitor's offer",
            description = "Emits CompetitorOfferDeclined on " + RelationshipTopics.EVENTS + "." + ANSWER)
    public Response recordDeclinedOffer(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid RecordDeclinedOfferRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.CREATED);
    }

    @POST
    @Path("/{clientId}/renewals")
    @Operation(summary = "Record that the client renewed their contract",
            description = "Emits ContractRenewed on " + RelationshipTopics.EVENTS + "." + ANSWER)
    public Response recordContractRenewal(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid RecordContractRenewalRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.CREATED);
    }

    @POST
    @Path("/{clientId}/referrals")
    @Operation(summary = "Record that the client referred someone to you",
            description = "Emits ReferralGiven on " + RelationshipTopics.EVENTS + "." + ANSWER)
    public Response recordReferral(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid RecordReferralRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.CREATED);
    }

    @POST
    @Path("/{clientId}/gestures")
    @Operation(summary = "Record a goodwill gesture made to the client",
            description = "Emits GoodwillGesture on " + RelationshipTopics.EVENTS + "." + ANSWER)
    public Response recordGoodwillGesture(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid RecordGoodwillGestureRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.CREATED);
    }

    @POST
    @Path("/{clientId}/feedback")
    @Operation(summary = "Record the client's CSAT or NPS score",
            description = "Emits FeedbackReceived on " + RelationshipTopics.EVENTS + ". Exactly one of csat and nps: "
                    + "400 naming csat when neither is given, nps when both are." + ANSWER)
    public Response recordFeedback(
            @PathParam("clientId") @Size(max = 100) @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId,
            @NotNull @Valid RecordFeedbackRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        return send(request.toCommand(clientId, tenant.id(), clock.instant()), idempotencyKey, request, Response.Status.CREATED);
    }

    private Response send(RelationshipCommand command, String idempotencyKey, Object request, Response.Status status) {
        Object answer;
        try {
            answer = commands.sendAndWait(IdempotentCommands.message(command, idempotencyKey, request));
        } catch (OccurredAtOutOfRange e) {
            throw new InvalidFieldException("occurredAt", e.getMessage());
        }
        if (answer instanceof IdempotentCommands.Replayed replayed) {
            return Response.ok(replayed.answer()).header(IdempotencyKeys.REPLAYED, "true").build();
        }
        return Response.status(status).entity(answer).build();
    }
}
