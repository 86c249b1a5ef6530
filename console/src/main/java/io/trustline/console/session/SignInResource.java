package io.trustline.console.session;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.trustline.console.services.KeyRejected;
import io.trustline.console.services.Service;
import io.trustline.console.services.ServiceAnswer;
import io.trustline.console.services.ServiceApi;
import io.trustline.console.services.ServiceUnavailable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Sign-in with a tenant's API key, checked by asking the relationship service for one client: the key then lives in
 * the session store only, and the browser gets the session id. Sign-out ends the session everywhere.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final Template signIn;
    private final ServiceApi services;
    private final SessionStore store;
    private final SessionCookie cookie;
    private final CurrentSession current;

    SignInResource(@Location("sign-in.html") Template signIn, ServiceApi services, SessionStore store, SessionCookie cookie,
                   CurrentSession current) {
        this.signIn = signIn;
        this.services = services;
        this.store = store;
        this.cookie = cookie;
        this.current = current;
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form(@RestQuery String ended) {
        return signIn.data("error", ended != null ? "Your session ended: the API key is no longer accepted. Sign in again." : null);
    }

    @POST
    @Path("sign-in")
    public Response signIn(@RestForm String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return page(Response.Status.BAD_REQUEST, "Enter your tenant's API key.");
        }
        String key = apiKey.strip();
        try {
            ServiceAnswer answer = services.getWithKey(key, Service.RELATIONSHIP, "/clients", Map.of("limit", "1"));
            if (!answer.ok()) {
                return page(Response.Status.BAD_GATEWAY, "The relationship service could not check the key (it answered "
                        + answer.status() + ").");
            }
        } catch (KeyRejected notAKey) {
            return page(Response.Status.UNAUTHORIZED, "The API key is not valid.");
        } catch (ServiceUnavailable down) {
            return page(Response.Status.SERVICE_UNAVAILABLE, "Cannot check the key: " + down.getMessage() + ". Try again in a moment.");
        }
        String sessionId = store.create(key);
        return Response.seeOther(URI.create("/")).header(SessionCookie.setCookieHeader(), cookie.issue(sessionId)).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        store.end(current.required());
        return Response.seeOther(URI.create(SessionFilter.SIGN_IN)).header(SessionCookie.setCookieHeader(), cookie.clear()).build();
    }

    private Response page(Response.Status status, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(signIn.data("error", error).render()).build();
    }
}
