package io.trustline.notification.signing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each endpoint's sealed signing secrets, one document per endpoint id, kept apart from the endpoint read model so no
 * query answer can carry them. Written by the endpoint projection before it lists an endpoint for deliveries, so a
 * listed endpoint always has its secret here; every write replaces the whole document, so a replay is harmless.
 */
@ApplicationScoped
public class SigningSecretsStore {

    private final MongoCollection<Document> secrets;

    @Inject
    SigningSecretsStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.secrets = mongo.getDatabase(database).getCollection("webhook_signing_secrets");
    }

    public void put(String endpointId, EndpointSigningSecrets value) {
        secrets.replaceOne(Filters.eq("_id", endpointId), new Document("_id", endpointId)
                        .append("current", value.current())
                        .append("previous", value.previous())
                        .append("previousUntil", value.previousUntil() == null ? null : Date.from(value.previousUntil())),
                new ReplaceOptions().upsert(true));
    }

    /** Forgets a deleted endpoint's secrets; nothing signs with them again. Harmless to repeat. */
    public void remove(String endpointId) {
        secrets.deleteOne(Filters.eq("_id", endpointId));
    }

    Optional<EndpointSigningSecrets> find(String endpointId) {
        Document stored = secrets.find(Filters.eq("_id", endpointId)).first();
        if (stored == null) {
            return Optional.empty();
        }
        Date until = stored.getDate("previousUntil");
        return Optional.of(new EndpointSigningSecrets(stored.getString("current"), stored.getString("previous"),
                until == null ? null : until.toInstant()));
    }
}
