package io.trustline.intake.integration;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.trustline.platform.secrets.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenants' integrations: one plain document each in {@code integrations} ({@code _id} the integration id), its
 * secrets sealed by {@link SecretBox} with the id as associated data. Another tenant's integration reads as absent.
 */
@ApplicationScoped
class Integrations {

    static final String COLLECTION = "integrations";
    private static final String TENANT = "tenantId";
    private static final String SECRETS = "secrets";

    private final MongoCollection<Document> integrations;
    private final IntegrationSecretKey key;
    private volatile boolean indexed;

    @Inject
    Integrations(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                 IntegrationSecretKey key) {
        this.integrations = mongo.getDatabase(database).getCollection(COLLECTION);
        this.key = key;
    }

    /** Stores a new integration; false, storing nothing, if one with its id exists already (a retry). */
    boolean create(String tenantId, IntegrationDetails integration, IntegrationCredentials credentials) {
        ensureIndexes();
        SecretBox box = key.box();
        Document secrets = new Document();
        if (credentials instanceof IntegrationCredentials.Autotask autotask) {
            secrets.append("webhookSecret", box.seal(autotask.webhookSecret(), integration.id()));
        } else if (credentials instanceof IntegrationCredentials.Halo halo) {
            secrets.append("basicAuthUsername", box.seal(halo.username(), integration.id()))
                    .append("basicAuthPassword", box.seal(halo.password(), integration.id()));
        }
        Document document = new Document("_id", integration.id())
                .append(TENANT, tenantId)
                .append("kind", integration.kind().name())
                .append("name", integration.name())
                .append("createdAt", Date.from(integration.createdAt()))
                .append("allowedKeyHosts", integration.allowedKeyHosts())
                .append(SECRETS, secrets);
        try {
            integrations.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<IntegrationDetails> find(String tenantId, String id) {
        return stored(tenantId, id).map(Integrations::details);
    }

    /** The integration's credentials, decrypted. */
    Optional<IntegrationCredentials> credentials(String tenantId, String id) {
        return stored(tenantId, id).map(this::credentials);
    }

    /** The integration with this id, whichever tenant has it: a webhook names only the integration. */
    Optional<ReceivingIntegration> receiving(String id) {
        return Optional.ofNullable(integrations.find(Filters.eq("_id", id)).first())
                .map(stored -> new ReceivingIntegration(stored.getString(TENANT), id,
                        IntegrationKind.valueOf(stored.getString("kind")), credentials(stored)));
    }

    /** Up to {@code limit} of the tenant's integrations after the id {@code afterId} (null: from the first), in id order. */
    Page page(String tenantId, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(TENANT, tenantId)));
        if (afterId != null) {
            filters.add(Filters.gt("_id", afterId));
        }
        List<IntegrationDetails> found = new ArrayList<>();
        integrations.find(Filters.and(filters)).sort(Sorts.ascending("_id")).limit(limit + 1)
                .forEach(stored -> found.add(details(stored)));
        boolean more = found.size() > limit;
        List<IntegrationDetails> items = more ? found.subList(0, limit) : found;
        return new Page(List.copyOf(items), more ? items.get(items.size() - 1).id() : null);
    }

    record Page(List<IntegrationDetails> items, String lastId) {
    }

    private Optional<Document> stored(String tenantId, String id) {
        Document stored = integrations.find(Filters.eq("_id", id)).first();
        if (stored == null || !tenantId.equals(stored.getString(TENANT))) {
            return Optional.empty();
        }
        return Optional.of(stored);
    }

    private IntegrationCredentials credentials(Document stored) {
        String id = stored.getString("_id");
        Document secrets = stored.get(SECRETS, Document.class);
        SecretBox box = key.box();
        return switch (IntegrationKind.valueOf(stored.getString("kind"))) {
            case CONNECTWISE -> new IntegrationCredentials.ConnectWise(stored.getList("allowedKeyHosts", String.class));
            case AUTOTASK -> new IntegrationCredentials.Autotask(box.open(secrets.getString("webhookSecret"), id));
            case HALO -> new IntegrationCredentials.Halo(box.open(secrets.getString("basicAuthUsername"), id),
                    box.open(secrets.getString("basicAuthPassword"), id));
        };
    }

    private static IntegrationDetails details(Document stored) {
        String id = stored.getString("_id");
        IntegrationKind kind = IntegrationKind.valueOf(stored.getString("kind"));
        Instant createdAt = stored.getDate("createdAt").toInstant();
        return new IntegrationDetails(id, kind, stored.getString("name"), IntegrationDetails.receiverUrl(id), createdAt,
                List.copyOf(stored.getList("allowedKeyHosts", String.class)), IntegrationDetails.secretsSet(kind));
    }

    private void ensureIndexes() {
        if (!indexed) {
            integrations.createIndex(Indexes.ascending(TENANT, "_id"));
            indexed = true;
        }
    }
}
