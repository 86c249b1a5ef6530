package io.trustline.notification.streams;

import io.smallrye.common.annotation.Blocking;
import io.trustline.notification.filters.ContentFilter;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.Problem;
import io.trustline.platform.tenancy.ApiKeySecurityScheme;
import io.trustline.platform.tenancy.CurrentTenant;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/streams/events")
@SecurityRequirement(name = ApiKeySecurityScheme.NAME)
public class EventStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String TOKEN_PATTERN = "[A-Za-z0-9_-]*";
    private static final int TOKEN_MAX_LENGTH = 4096;

    @Inject
    CurrentTenant tenant;
    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Live stream of your tenant's events (Server-Sent Events)",
            description = "Every CloudEvent of your tenant on the Trustline topics (intake, incident, relationship, "
                    + "notification) as it is published: event = the CloudEvent type, data = the structured CloudEvent "
                    + "JSON, id = a resume token. Narrow it with type, clientId and source (each repeatable: any of "
                    + "the values) and a CEL filter (the variables of webhook filters); all given must admit an event. "
                    + "Without a token the stream starts now; with Last-Event-ID (or lastEventId) it goes on exactly "
                    + "after that event, on any instance, with nothing missed or repeated. If the records after a "
                    + "token were deleted by retention, a stream-gap event names the partition and the stream goes on "
                    + "from the earliest record kept. An idle stream sends a heartbeat comment; a client that takes "
                    + "nothing for the slow-reader timeout while its buffer is full is disconnected. 400 names a bad "
                    + "parameter before the stream starts; 503 when this instance serves its limit of streams.")
    @APIResponse(responseCode = "200", description = "The stream: text/event-stream, until the client disconnects.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid: errors names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "This instance serves its limit of streams; Retry-After says when "
            + "to try again.", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void events(
            @Parameter(description = "Only these CloudEvent types (repeat for several).")
            @QueryParam("type") @Size(max = 100)
            List<@Pattern(regexp = "^io\\.trustline\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]+$",
                    message = "must be a Trustline CloudEvent type such as io.trustline.intake.IssueReported.v1") String> type,
            @Parameter(description = "Only these clients: the CloudEvent subject (repeat for several).")
            @QueryParam("clientId") @Size(max = 500)
            List<@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+",
                    message = "must be a client id: letters, digits and . _ : -") String> clientId,
            @Parameter(description = "Only these CloudEvent sources, e.g. /trustline/intake (repeat for several).")
            @QueryParam("source") @Size(max = 100)
            List<@Size(max = 200) @Pattern(regexp = "[\\x21-\\x7E]+",
                    message = "must be a CloudEvent source such as /trustline/intake") String> source,
            @Parameter(description = "A CEL expression, true for the events to send: type, source, subject, id "
                    + "(strings), time (timestamp), data (map), as in webhook filters.")
            @QueryParam("filter") @Size(min = 1, max = ContentFilter.MAX_LENGTH) String filter,
            @Parameter(description = "The id of the last event received: the stream goes on right after it. Sent by "
                    + "EventSource when it reconnects.")
            @HeaderParam(LAST_EVENT_ID) @Size(max = TOKEN_MAX_LENGTH)
            @Pattern(regexp = TOKEN_PATTERN, message = "must be the id of an event of this stream, as it came") String lastEventIdHeader,
            @Parameter(description = "As the Last-Event-ID header, for clients that cannot set headers; the header wins.")
            @QueryParam("lastEventId") @Size(max = TOKEN_MAX_LENGTH)
            @Pattern(regexp = TOKEN_PATTERN, message = "must be the id of an event of this stream, as it came") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        StreamSelection selection = new StreamSelection(tenant.id(), asSet(type), asSet(clientId), asSet(source),
                compile(filter));
        streams.start(selection, resumeFrom(lastEventIdHeader, lastEventId), sink, sse, response);
    }

    @ServerExceptionMapper
    Response limitReached(LiveStreams.StreamLimitReached e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "Too many live streams", e.getMessage())
                .toResponseBuilder().header("Retry-After", "5").build();
    }

    private static ContentFilter compile(String filter) {
        if (filter == null) {
            return null;
        }
        try {
            return ContentFilter.compile(filter);
        } catch (ContentFilter.FilterRejected rejected) {
            throw new InvalidFieldException("filter", "is not a valid CEL filter at line " + rejected.line()
                    + ", column " + rejected.column() + ": " + rejected.reason());
        }
    }

    // an empty id is what an EventSource holds before its first one: no token
    private static Optional<ResumeToken> resumeFrom(String header, String query) {
        String field = header != null && !header.isEmpty() ? LAST_EVENT_ID : "lastEventId";
        String token = header != null && !header.isEmpty() ? header : query;
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResumeToken.decode(token));
        } catch (ResumeToken.Malformed malformed) {
            throw new InvalidFieldException(field, "is not the id of an event of this stream (" + malformed.getMessage()
                    + "); send the id of the last event received as it came, or none to start from now.");
        }
    }

    private static Set<String> asSet(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
