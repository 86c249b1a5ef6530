package io.trustline.relationship.portfolio;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.trustline.platform.json.DocumentMapper;
import io.trustline.relationship.scoring.churn.ChurnRisk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portfolio: one document per client ({@code client_portfolio}, {@code _id} {@code tenantId|clientId}) holding
 * its {@link PortfolioEntry} and, beside it, the sort keys and the assessment instant as plain numbers to filter,
 * sort and claim by.
 */
@ApplicationScoped
class PortfolioEntries {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final String ASSESSED = "assessedAtMillis";

    private final MongoCollection<Document> entries;
    private volatile boolean indexed;

    @Inject
    PortfolioEntries(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.entries = mongo.getDatabase(database).getCollection("client_portfolio");
    }

    /** HIGH sorts first. */
    static double riskRank(ChurnRisk.Level level) {
        return ChurnRisk.Level.values().length - 1 - level.ordinal();
    }

    void save(String tenantId, PortfolioEntry entry) {
        ensureIndexes();
        entries.replaceOne(Filters.eq("_id", id(tenantId, entry.clientId())), document(tenantId, entry), UPSERT);
    }

    /** Replaces the entry unless the client's events changed since {@code eventCount}: the newer entry stays. */
    boolean replaceIfUnchanged(String tenantId, PortfolioEntry entry, int eventCount) {
        return entries.replaceOne(Filters.and(Filters.eq("_id", id(tenantId, entry.clientId())),
                Filters.eq("eventCount", eventCount)), document(tenantId, entry)).getModifiedCount() == 1;
    }

    /** Entries assessed before {@code before}, the oldest assessment first. */
    List<Stale> assessedBefore(Instant before, int limit) {
        List<Stale> found = new ArrayList<>();
        entries.find(Filters.lt(ASSESSED, before.toEpochMilli()))
                .projection(Projections.include("tenantId", "clientId", "eventCount", ASSESSED))
                .sort(Sorts.ascending(ASSESSED)).limit(limit)
                .forEach(stored -> found.add(new Stale(stored.getString("tenantId"), stored.getString("clientId"),
                        stored.getInteger("eventCount"), stored.getLong(ASSESSED))));
        return found;
    }

    /**
     * Takes the entry for re-assessment: true for exactly one caller among instances racing for it, because the
     * update matches only while the assessment instant is still the one the caller read.
     */
    boolean claim(Stale stale, Instant now) {
        return entries.updateOne(Filters.and(Filters.eq("_id", id(stale.tenantId(), stale.clientId())),
                        Filters.eq(ASSESSED, stale.assessedAtMillis())), Updates.set(ASSESSED, now.toEpochMilli()))
                .getModifiedCount() == 1;
    }

    /** Up to {@code limit} entries of the tenant after the cursor, in the sort's order, and whether more follow. */
    Page page(String tenantId, ChurnRisk.Level risk, PortfolioSort sort, PortfolioCursor after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("tenantId", tenantId)));
        if (risk != null) {
            filters.add(Filters.eq("risk.level", risk.name()));
        }
        if (after != null) {
            filters.add(Filters.or(Filters.gt(sort.field, after.key()),
                    Filters.and(Filters.eq(sort.field, after.key()), Filters.gt("clientId", after.clientId()))));
        }
        List<PortfolioEntry> found = new ArrayList<>();
        entries.find(Filters.and(filters)).sort(Sorts.ascending(sort.field, "clientId")).limit(limit + 1)
                .forEach(stored -> found.add(DocumentMapper.fromDocument(stored, PortfolioEntry.class)));
        boolean more = found.size() > limit;
        return new Page(more ? found.subList(0, limit) : found, more);
    }

    record Page(List<PortfolioEntry> entries, boolean more) {
    }

    /** An entry due for re-assessment, with what a claim must find unchanged. */
    record Stale(String tenantId, String clientId, int eventCount, long assessedAtMillis) {
    }

    private static Document document(String tenantId, PortfolioEntry entry) {
        return DocumentMapper.toDocument(entry)
                .append("_id", id(tenantId, entry.clientId()))
                .append("tenantId", tenantId)
                .append(PortfolioSort.RISK.field, PortfolioSort.RISK.key(entry))
                .append(PortfolioSort.TRUST.field, PortfolioSort.TRUST.key(entry))
                .append(PortfolioSort.LOYALTY.field, PortfolioSort.LOYALTY.key(entry))
                .append(ASSESSED, entry.assessedAt().toEpochMilli());
    }

    private void ensureIndexes() {
        if (!indexed) {
            for (PortfolioSort sort : PortfolioSort.values()) {
                entries.createIndex(Indexes.ascending("tenantId", sort.field, "clientId"));
                entries.createIndex(Indexes.ascending("tenantId", "risk.level", sort.field, "clientId"));
            }
            entries.createIndex(Indexes.ascending(ASSESSED));
            indexed = true;
        }
    }

    private static String id(String tenantId, String clientId) {
        return tenantId + "|" + clientId;
    }
}
