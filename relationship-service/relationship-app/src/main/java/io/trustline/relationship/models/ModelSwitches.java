package io.trustline.relationship.models;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The switches' state, in MongoDB so any instance can run or resume one: {@code model_switches} ({@code _id} the
 * tenant) holds each tenant's latest switch and its lease; {@code model_switch_clients} ({@code _id}
 * {@code switchId|clientId}) how many events each client's points under the target reflect. An instance runs a
 * switch only while it holds the lease, claimed and renewed by conditional updates; a crashed instance's lease runs
 * out and another resumes from the clients already done.
 */
@ApplicationScoped
class ModelSwitches {

    private static final List<String> RUNNING = List.of(ModelSwitch.State.RESCORING.name(),
            ModelSwitch.State.HANDING_OVER.name());

    private final MongoCollection<Document> switches;
    private final MongoCollection<Document> clients;

    @Inject
    ModelSwitches(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.switches = mongo.getDatabase(database).getCollection("model_switches");
        this.clients = mongo.getDatabase(database).getCollection("model_switch_clients");
    }

    Optional<ModelSwitch> latest(String tenantId) {
        return Optional.ofNullable(switches.find(Filters.eq("_id", tenantId)).first()).map(ModelSwitches::read);
    }

    /**
     * Starts a switch unless one is running: then returns that one, whatever its target. The instance that starts it
     * holds it first ({@code owner}, for {@code lease}), so no other claims it before that one's worker is nudged.
     */
    ModelSwitch start(String tenantId, String fromModelId, String targetModelId, Instant now, String owner,
                      Duration lease) {
        Document started = new Document("_id", tenantId).append("tenantId", tenantId)
                .append("switchId", UUID.randomUUID().toString())
                .append("fromModelId", fromModelId).append("targetModelId", targetModelId)
                .append("state", ModelSwitch.State.RESCORING.name()).append("clientsDone", 0).append("clientsTotal", 0)
                .append("startedAt", Date.from(now)).append("owner", owner).append("leaseUntil", Date.from(now.plus(lease)));
        try {
            // replaces a finished switch; a running one does not match, and the upsert then collides with it
            switches.replaceOne(Filters.and(Filters.eq("_id", tenantId), Filters.nin("state", RUNNING)), started,
                    new ReplaceOptions().upsert(true));
            return read(started);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return latest(tenantId).orElseThrow();
        }
    }

    /** Claims a running switch whose lease ran out (or is already ours), for {@code lease}; its tenant id if any. */
    Optional<String> claim(String owner, Instant now, Duration lease) {
        Document claimed = switches.findOneAndUpdate(
                Filters.and(Filters.in("state", RUNNING),
                        Filters.or(Filters.lt("leaseUntil", Date.from(now)), Filters.eq("owner", owner))),
                Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(found -> found.getString("tenantId"));
    }

    /** Renews the lease and records progress; false when another instance holds the switch now. */
    boolean renew(ModelSwitch running, String tenantId, String owner, Instant now, Duration lease, Bson progress) {
        return switches.updateOne(ours(running, tenantId, owner), Updates.combine(progress,
                Updates.set("leaseUntil", Date.from(now.plus(lease))))).getMatchedCount() == 1;
    }

    /** Renews the lease and changes nothing else. */
    static Bson leaseOnly() {
        return Updates.combine();
    }

    /** One more client rescored, by whichever instance rescored it. */
    void countRescored(ModelSwitch running, String tenantId) {
        switches.updateOne(Filters.and(Filters.eq("_id", tenantId), Filters.eq("switchId", running.switchId())),
                Updates.inc("clientsDone", 1));
    }

    static Bson progress(int done, int total) {
        return Updates.combine(Updates.set("clientsDone", done), Updates.set("clientsTotal", total));
    }

    static Bson state(ModelSwitch.State state, Instant now) {
        return state == ModelSwitch.State.DONE || state == ModelSwitch.State.FAILED
                ? Updates.combine(Updates.set("state", state.name()), Updates.set("finishedAt", Date.from(now)))
                : Updates.set("state", state.name());
    }

    void fail(ModelSwitch running, String tenantId, String owner, String reason, Instant now) {
        switches.updateOne(ours(running, tenantId, owner), Updates.combine(state(ModelSwitch.State.FAILED, now),
                Updates.set("failedReason", reason)));
    }

    void rescored(ModelSwitch running, String clientId, int eventCount) {
        clients.replaceOne(Filters.eq("_id", running.switchId() + "|" + clientId),
                new Document("switchId", running.switchId()).append("clientId", clientId)
                        .append("eventCount", eventCount), new ReplaceOptions().upsert(true));
    }

    /** Each client rescored so far in this switch, and how many events its points reflect. */
    Map<String, Integer> rescoredCounts(ModelSwitch running) {
        Map<String, Integer> counts = new HashMap<>();
        clients.find(Filters.eq("switchId", running.switchId()))
                .forEach(found -> counts.put(found.getString("clientId"), found.getInteger("eventCount")));
        return counts;
    }

    private static Bson ours(ModelSwitch running, String tenantId, String owner) {
        return Filters.and(Filters.eq("_id", tenantId), Filters.eq("switchId", running.switchId()),
                Filters.eq("owner", owner));
    }

    private static ModelSwitch read(Document stored) {
        Date finished = stored.getDate("finishedAt");
        return new ModelSwitch(stored.getString("switchId"), stored.getString("fromModelId"),
                stored.getString("targetModelId"), ModelSwitch.State.valueOf(stored.getString("state")),
                stored.getInteger("clientsDone", 0), stored.getInteger("clientsTotal", 0),
                stored.getDate("startedAt").toInstant(), finished == null ? null : finished.toInstant(),
                stored.getString("failedReason"));
    }
}
