package io.trustline.console.session;

import io.trustline.console.services.KeyRejected;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service no longer accepts the session's key (revoked or rotated): the session ends and sign-in says why. */
public class KeyRejectedMapper {

    private final SessionStore store;
    private final CurrentSession current;
    private final SessionCookie cookie;

    KeyRejectedMapper(SessionStore store, CurrentSession current, SessionCookie cookie) {
        this.store = store;
        this.current = current;
        this.cookie = cookie;
    }

    @ServerExceptionMapper
    public Response endSession(KeyRejected rejected) {
        current.get().ifPresent(store::end);
        return Response.seeOther(URI.create(SessionFilter.SIGN_IN + "?ended"))
                .header(SessionCookie.setCookieHeader(), cookie.clear()).build();
    }
}
