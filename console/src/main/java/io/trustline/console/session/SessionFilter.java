package io.trustline.console.session;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * In front of every page (static files and health checks are no pages): no live session → the sign-in form; an
 * unsafe method from another origin, or without this session's CSRF token (form field {@value #CSRF_FIELD} or
 * header {@value #CSRF_HEADER}), → 403 before the page runs. The body is read first so the form field can be checked.
 */
public class SessionFilter {

    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String SIGN_IN = "/sign-in";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore store;
    private final CurrentSession current;
    private final SessionCookie cookie;

    SessionFilter(SessionStore store, CurrentSession current, SessionCookie cookie) {
        this.store = store;
        this.current = current;
        this.cookie = cookie;
    }

    @ServerRequestFilter(readBody = true)
    public Response requireSession(ResteasyReactiveContainerRequestContext request) {
        boolean unsafe = !SAFE_METHODS.contains(request.getMethod());
        if (unsafe && !fromThisOrigin(request)) {
            return forbidden("The request came from another site.");
        }
        if (request.getUriInfo().getPath().equals(SIGN_IN)) {
            return null;
        }
        Cookie sent = request.getCookies().get(SessionCookie.NAME);
        Optional<ConsoleSession> session = store.find(sent == null ? null : sent.getValue());
        if (session.isEmpty()) {
            return toSignIn(request, sent != null);
        }
        if (unsafe && !Secrets.sameToken(session.get().csrfToken(), submittedToken(request))) {
            return forbidden("The form's security token is missing or out of date. Reload the page and try again.");
        }
        current.set(session.get());
        return null;
    }

    /**
     * Origin, else Sec-Fetch-Site, must say this site: SameSite=Strict already keeps the cookie off other sites'
     * requests, and this also covers sign-in, which has no session (and so no token) yet.
     */
    private static boolean fromThisOrigin(ResteasyReactiveContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String host = request.getHeaderString("Host");
        if (origin != null && !origin.equals("null")) {
            try {
                return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (origin != null) {
            return false;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        return fetchSite == null || fetchSite.equals("same-origin") || fetchSite.equals("none");
    }

    private static String submittedToken(ResteasyReactiveContainerRequestContext request) {
        String header = request.getHeaderString(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CSRF_FIELD, true, false);
        return field == null ? null : field.toString();
    }

    private Response toSignIn(ResteasyReactiveContainerRequestContext request, boolean hadCookie) {
        Response.ResponseBuilder answer = request.getHeaderString("HX-Request") != null
                // htmx swaps a redirect's target into the page; this makes it load the sign-in page instead
                ? Response.ok().header("HX-Redirect", SIGN_IN)
                : Response.seeOther(URI.create(SIGN_IN));
        if (hadCookie) {
            answer.header(SessionCookie.setCookieHeader(), cookie.clear());
        }
        return answer.build();
    }

    private static Response forbidden(String why) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity("403 Forbidden: " + why).build();
    }
}
