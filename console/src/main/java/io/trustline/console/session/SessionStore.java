package io.trustline.console.session;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.trustline.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sessions in MongoDB ({@code console_sessions}), so every console instance knows every session. A session is found
 * by the SHA-256 of its id and its API key is sealed under that id ({@link SealedKey}): someone reading the
 * collection can neither sign in nor call the services with what they read.
 */
@ApplicationScoped
public class SessionStore {

    static final String COLLECTION = "console_sessions";
    /** Moving the expiry on every request would write on every page; once a minute is close enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(SessionStore.class);

    private final MongoCollection<Document> sessions;
    private final Duration idleTimeout;
    private final Clock clock = Clock.systemUTC();

    SessionStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database, ConsoleConfig config) {
        this.sessions = mongo.getDatabase(database).getCollection(COLLECTION);
        this.idleTimeout = config.sessionIdleTimeout();
    }

    void createTtlIndex(@Observes StartupEvent event) {
        try {
            sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            // expiry is also checked on every read: without the index, ended sessions only linger in the collection
            LOG.warnf("cannot create the TTL index on %s: %s", COLLECTION, e.getMessage());
        }
    }

    /** A new session for the key; returns the session id for the cookie (the only place it exists). */
    public String create(String apiKey) {
        String sessionId = Secrets.randomToken();
        Instant now = clock.instant();
        sessions.insertOne(new Document("_id", Secrets.sha256Hex(sessionId))
                .append("sealedApiKey", SealedKey.seal(apiKey, sessionId))
                .append("csrfToken", Secrets.randomToken())
                .append("createdAt", Date.from(now))
                .append("touchedAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(idleTimeout))));
        return sessionId;
    }

    /** The live session with this id, its idle timeout moved on; empty when unknown or ended. */
    public Optional<ConsoleSession> find(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        String idHash = Secrets.sha256Hex(sessionId);
        Document found = sessions.find(Filters.eq("_id", idHash)).first();
        if (found == null) {
            return Optional.empty();
        }
        String apiKey;
        try {
            apiKey = SealedKey.open(found.getString("sealedApiKey"), sessionId);
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            // a session stored before keys were sealed, or a document someone altered: it cannot be used
            LOG.warnf("session %s… has no key this cookie opens (%s); ending it", idHash.substring(0, 8), unreadable);
            sessions.deleteOne(Filters.eq("_id", idHash));
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleSession session = new ConsoleSession(idHash, apiKey, found.getString("csrfToken"),
                found.getDate("createdAt").toInstant(), found.getDate("expiresAt").toInstant());
        if (session.expiredAt(now)) {
            sessions.deleteOne(Filters.eq("_id", idHash));
            return Optional.empty();
        }
        if (found.getDate("touchedAt").toInstant().plus(TOUCH_EVERY).isBefore(now)) {
            Instant expiresAt = now.plus(idleTimeout);
            sessions.updateOne(Filters.eq("_id", idHash),
                    Updates.combine(Updates.set("touchedAt", Date.from(now)), Updates.set("expiresAt", Date.from(expiresAt))));
            session = new ConsoleSession(idHash, session.apiKey(), session.csrfToken(), session.createdAt(), expiresAt);
        }
        return Optional.of(session);
    }

    public void end(ConsoleSession session) {
        sessions.deleteOne(Filters.eq("_id", session.idHash()));
    }

    Duration idleTimeout() {
        return idleTimeout;
    }
}
