package io.trustline.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.Document;
import org.bson.UuidRepresentation;

/**
 * The query JobRunr's background server runs every poll to find the deadlines due within the next poll interval
 * (MongoDBStorageProvider#getScheduledJobs: state SCHEDULED, scheduledAt before now + poll, oldest update first,
 * a page of 1000), timed against the incident service's database.
 */
final class JobRunrScan {

    private JobRunrScan() {
    }

    record Timing(long jobs, long scheduled, double queryMillis, int found) {
    }

    static Timing time(String connectionString, String database, Duration pollInterval, int repeats) {
        try (MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            MongoCollection<Document> jobs = mongo.getDatabase(database).getCollection("jobrunr_jobs");
            long all = jobs.countDocuments();
            long scheduled = jobs.countDocuments(Filters.eq("state", "SCHEDULED"));
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now().plus(pollInterval));
            int found = 0;
            long start = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                found = jobs.find(Filters.and(Filters.eq("state", "SCHEDULED"), Filters.lt("scheduledAt", micros)))
                        .sort(Sorts.ascending("updatedAt")).limit(1000).into(new java.util.ArrayList<>()).size();
            }
            return new Timing(all, scheduled, (System.nanoTime() - start) / 1e6 / repeats, found);
        }
    }
}
