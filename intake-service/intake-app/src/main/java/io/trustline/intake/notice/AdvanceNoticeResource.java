package io.trustline.intake.notice;

import io.trustline.intake.api.IntakeTopics;
import io.trustline.intake.notice.AdvanceNoticeCommand.GiveAdvanceNotice;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeFulfilled;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeGiven;
import io.trustline.platform.command.IdempotencyKeys;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.UnknownResourceException;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/advance-notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class AdvanceNoticeResource {

    private static final String KIND = "advance-notice";

    private final Clock clock = Clock.systemUTC();

    @Inject
    CommandGateway commands;
    @Inject
    CurrentTenant tenant;
    @Inject
    AdvanceNoticeHistory history;

    @POST
    @Operation(summary = "Record a client's advance notice: what is coming and when it must be ready",
            description = "Emits AdvanceNoticeGiven on " + IntakeTopics.EVENTS + " with the lead time. Answers 201 with "
                    + "the notice. 400 naming the field for a givenAt in the future or a neededBy not after it. With an "
                    + "Idempotency-Key, a retry of the same notice answers 200 with the notice it recorded first "
                    + "(Idempotent-Replayed: true) and records nothing new; the same key with another notice answers 422.")
    public Response give(@NotNull @Valid GiveAdvanceNoticeRequest request,
                         @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey,
                         @Context UriInfo uri) {
        String noticeId = IdempotencyKeys.resourceId(tenant.id(), KIND, idempotencyKey);
        URI location = uri.getAbsolutePathBuilder().path(noticeId).build();
        CommandMessage<GiveAdvanceNotice> command = IdempotentCommands.message(
                request.toCommand(noticeId, tenant.id(), clock.instant()), idempotencyKey, request);
        // a retry answers what the first call stored, even once its givenAt default or neededBy would be refused now
        Optional<AdvanceNoticeDetails> givenBefore = idempotencyKey == null ? Optional.empty()
                : history.firstAnswer(tenant.id(), noticeId, command.getMetaData());
        if (givenBefore.isPresent()) {
            return replayed(givenBefore.get()).location(location).build();
        }
        AdvanceNoticeGiven given;
        try {
            given = commands.sendAndWait(command);
        } catch (InvalidNotice e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        } catch (AggregateStreamCreationException givenConcurrently) {
            return replayed(history.firstAnswer(tenant.id(), noticeId, command.getMetaData()).orElseThrow())
                    .location(location).build();
        }
        return Response.created(location).entity(AdvanceNoticeDetails.given(given)).build();
    }

    @POST
    @Path("/{noticeId}/fulfilment")
    @Operation(summary = "Record that what the notice announced was delivered, on time or late",
            description = "Emits AdvanceNoticeFulfilled on " + IntakeTopics.EVENTS + " with onTime (fulfilledAt at or "
                    + "before neededBy) and the lateness when late. Answers 200 with the notice, FULFILLED. 409 naming "
                    + "the state FULFILLED when it was fulfilled already; 400 naming the field for a fulfilledAt in the "
                    + "future or before the notice was given; 404 for an unknown notice or another tenant's. With an "
                    + "Idempotency-Key, a retry answers 200 with the first answer (Idempotent-Replayed: true) and "
                    + "records nothing new; the same key with another request on this notice answers 422.")
    public Response fulfil(@PathParam("noticeId") String noticeId, @NotNull @Valid FulfilAdvanceNoticeRequest request,
                           @HeaderParam(IdempotencyKeys.HEADER) @Size(min = 1, max = 200) String idempotencyKey) {
        Object answer;
        try {
            answer = commands.sendAndWait(IdempotentCommands.message(
                    request.toCommand(noticeId, tenant.id(), clock.instant()), idempotencyKey, request));
        } catch (InvalidNotice e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
        if (answer instanceof IdempotentCommands.Replayed replayed) {
            return replayed(AdvanceNoticeDetails.fulfilled((AdvanceNoticeFulfilled) replayed.answer())).build();
        }
        return Response.ok(AdvanceNoticeDetails.fulfilled((AdvanceNoticeFulfilled) answer)).build();
    }

    @GET
    @Path("/{noticeId}")
    @Operation(summary = "One advance notice of your tenant, with its fulfilment once there is one")
    public AdvanceNoticeDetails get(@PathParam("noticeId") String noticeId) {
        return history.find(tenant.id(), noticeId).orElseThrow(() -> new UnknownResourceException("advance notice", noticeId));
    }

    private static Response.ResponseBuilder replayed(AdvanceNoticeDetails first) {
        return Response.ok(first).header(IdempotencyKeys.REPLAYED, "true");
    }
}
