package io.trustline.console.session;

import java.time.Instant;

/**
 * A signed-in person: the tenant's API key the console calls the services with, kept on the server only.
 *
 * @param idHash    SHA-256 (hex) of the session id in the cookie; the id itself is stored nowhere
 * @param apiKey    the tenant's API key, never sent to the browser
 * @param csrfToken the synchronizer token every form and htmx request of this session carries
 * @param expiresAt when the session ends unless used before (idle timeout)
 */
public record ConsoleSession(String idHash, String apiKey, String csrfToken, Instant createdAt, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
