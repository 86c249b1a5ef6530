package io.trustline.console.layout;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.trustline.console.services.ServiceUnavailable;
import io.trustline.console.session.CurrentSession;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service that did not answer: the page says which, inside the layout, so the nav still works. */
public class ServiceUnavailableMapper {

    private final Template error;
    private final CurrentSession session;

    ServiceUnavailableMapper(@Location("error.html") Template error, CurrentSession session) {
        this.error = error;
        this.session = session;
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable down) {
        String csrf = session.get().map(s -> s.csrfToken()).orElse("");
        return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("csrf", csrf).data("nav", "").data("message", down.getMessage()).render()).build();
    }
}
