package io.trustline.console.session;

import io.trustline.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The session cookie: only the session id, HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Path=/, Secure when the console is served over HTTPS. Written as a header because JAX-RS's
 * {@code NewCookie} cannot say SameSite.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "trustline_session";

    private final ConsoleConfig config;

    SessionCookie(ConsoleConfig config) {
        this.config = config;
    }

    /** The Set-Cookie value for a new session; the cookie lives as long as the browser (the server ends it). */
    public String issue(String sessionId) {
        return NAME + "=" + sessionId + attributes();
    }

    /** The Set-Cookie value that makes the browser forget the session. */
    public String clear() {
        return NAME + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + attributes();
    }

    public static String setCookieHeader() {
        return HttpHeaders.SET_COOKIE;
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=Strict" + (config.secureCookies() ? "; Secure" : "");
    }
}
