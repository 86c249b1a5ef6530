package io.trustline.console.live;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.trustline.console.layout.Nav;
import io.trustline.console.layout.Pages;
import io.trustline.console.services.EventTypes;
import io.trustline.console.services.ServiceApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The live stream: the page, and the tenant's events relayed from the notification service's SSE stream. The
 * browser's EventSource cannot send the API key, so the console opens the stream with the session's key and passes
 * the filters and the browser's Last-Event-ID on.
 */
@Path("/live")
public class LiveResource {

    private final Template live;
    private final Pages pages;
    private final ServiceApi services;
    private final StreamRelay relay;

    LiveResource(@Location("live.html") Template live, Pages pages, ServiceApi services, StreamRelay relay) {
        this.live = live;
        this.pages = pages;
        this.services = services;
        this.relay = relay;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String type, @RestQuery String clientId) {
        return pages.page(live, Nav.LIVE)
                .data("type", type == null ? "" : type)
                .data("clientId", clientId == null ? "" : clientId)
                .data("types", EventTypes.options());
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse,
                       @RestQuery List<String> type, @RestQuery List<String> clientId,
                       @RestHeader("Last-Event-ID") String lastEventId) {
        relay.start(services.sessionKey(), new StreamRelay.Filters(type, clientId, lastEventId), sink, sse);
    }
}
