package io.trustline.relationship.models;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A switch's rescoring cut into slices of its tenant's clients ({@code model_switch_slices}, {@code _id}
 * {@code switchId|index}), so every instance can rescore some: each slice is claimed with a lease like the switch
 * itself, and a slice whose instance died is claimed again once its lease runs out. A client belongs to the slice
 * its id hashes to, the same on every instance.
 */
@ApplicationScoped
class RescoringSlices {

    private final MongoCollection<Document> slices;

    @Inject
    RescoringSlices(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.slices = mongo.getDatabase(database).getCollection("model_switch_slices");
    }

    /** One of {@code count} slices of a switch's clients. */
    record Slice(String switchId, String tenantId, int index, int count) {

        boolean holds(String clientId) {
            return Math.floorMod(clientId.hashCode(), count) == index;
        }

        String id() {
            return switchId + "|" + index;
        }
    }

    /** Opens the switch's slices for any instance to claim; opening them again changes nothing. */
    void open(ModelSwitch running, String tenantId, int count) {
        for (int index = 0; index < count; index++) {
            slices.updateOne(Filters.eq("_id", running.switchId() + "|" + index), Updates.combine(
                    Updates.setOnInsert("switchId", running.switchId()), Updates.setOnInsert("tenantId", tenantId),
                    Updates.setOnInsert("index", index), Updates.setOnInsert("count", count),
                    Updates.setOnInsert("done", false), Updates.setOnInsert("leaseUntil", new Date(0))),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Claims an unfinished slice whose lease ran out (or is already ours), of any switch. */
    Optional<Slice> claim(String owner, Instant now, Duration lease) {
        return claim(Filters.empty(), owner, now, lease);
    }

    /** Claims an unfinished slice of this switch whose lease ran out (or is already ours). */
    Optional<Slice> claim(ModelSwitch running, String owner, Instant now, Duration lease) {
        return claim(Filters.eq("switchId", running.switchId()), owner, now, lease);
    }

    private Optional<Slice> claim(Bson which, String owner, Instant now, Duration lease) {
        Document claimed = slices.findOneAndUpdate(Filters.and(which, Filters.eq("done", false),
                        Filters.or(Filters.lt("leaseUntil", Date.from(now)), Filters.eq("owner", owner))),
                Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(now.plus(lease)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(found -> new Slice(found.getString("switchId"),
                found.getString("tenantId"), found.getInteger("index"), found.getInteger("count")));
    }

    /** False when the slice's lease ran out and another instance holds it now. */
    boolean renew(Slice slice, String owner, Instant now, Duration lease) {
        return slices.updateOne(Filters.and(Filters.eq("_id", slice.id()), Filters.eq("owner", owner)),
                Updates.set("leaseUntil", Date.from(now.plus(lease)))).getMatchedCount() == 1;
    }

    void finish(Slice slice, String owner) {
        slices.updateOne(Filters.and(Filters.eq("_id", slice.id()), Filters.eq("owner", owner)),
                Updates.combine(Updates.set("done", true), Updates.set("finishedBy", owner)));
    }

    /** Which instance finished each slice of the switch, in slice order; null for a slice not finished yet. */
    List<String> finishedBy(ModelSwitch running, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(index -> running.switchId() + "|" + index).toList();
        String[] owners = new String[count];
        for (Document found : slices.find(Filters.in("_id", ids))) {
            if (found.getBoolean("done", false)) {
                owners[found.getInteger("index")] = found.getString("finishedBy");
            }
        }
        return new ArrayList<>(java.util.Arrays.asList(owners));
    }
}
