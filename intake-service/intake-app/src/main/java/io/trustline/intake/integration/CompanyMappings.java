package io.trustline.intake.integration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which Trustline client each company of a PSA is, per integration: one document per integration in
 * {@code integration_company_mappings} ({@code _id} the integration id) holding the whole set, so a replacement is
 * one atomic write. The receivers ask {@link #clientFor}.
 */
@ApplicationScoped
public class CompanyMappings {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String TENANT = "tenantId";

    private final MongoCollection<Document> mappings;

    @Inject
    CompanyMappings(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.mappings = mongo.getDatabase(database).getCollection("integration_company_mappings");
    }

    /** The client the PSA company is, for the tenant's integration; empty when it is not mapped. */
    public Optional<String> clientFor(String tenantId, String integrationId, String psaCompanyId) {
        return of(tenantId, integrationId).stream()
                .filter(mapping -> mapping.psaCompanyId().equals(psaCompanyId))
                .map(CompanyMapping::clientId)
                .findFirst();
    }

    /** The integration's mappings in the order they were set; empty until set. */
    List<CompanyMapping> of(String tenantId, String integrationId) {
        Document stored = mappings.find(Filters.eq("_id", integrationId)).first();
        if (stored == null || !tenantId.equals(stored.getString(TENANT))) {
            return List.of();
        }
        return stored.getList("mappings", Document.class).stream()
                .map(mapping -> new CompanyMapping(mapping.getString("psaCompanyId"), mapping.getString("clientId")))
                .toList();
    }

    void replace(String tenantId, String integrationId, List<CompanyMapping> replacement, Instant at) {
        List<Document> stored = replacement.stream()
                .map(mapping -> new Document("psaCompanyId", mapping.psaCompanyId()).append("clientId", mapping.clientId()))
                .toList();
        mappings.replaceOne(Filters.eq("_id", integrationId), new Document("_id", integrationId)
                .append(TENANT, tenantId)
                .append("mappings", stored)
                .append("updatedAt", Date.from(at)), UPSERT);
    }
}
