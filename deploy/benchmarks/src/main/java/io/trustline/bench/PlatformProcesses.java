package io.trustline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.trustline.local.LocalPlatform;
import io.trustline.local.ServiceProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** The platform's processes as the benchmark measures them: CPU from /proc, resident memory, events stored. */
final class PlatformProcesses implements AutoCloseable {

    private final LocalPlatform platform;
    private final MongoClient mongo;

    PlatformProcesses(LocalPlatform platform) {
        this.platform = platform;
        this.mongo = MongoClients.create(platform.mongo().connectionString());
    }

    /** CPU seconds used so far by each process: the services, the broker and the Mongo stand-in. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (ServiceProcess service : platform.services()) {
            cpu.put(service.name(), ProcessCpu.seconds(service.pid()));
        }
        cpu.put("kafka", ProcessCpu.seconds(platform.kafka().process().pid()));
        cpu.put("mongo", ProcessCpu.seconds(platform.mongo().process().pid()));
        return cpu;
    }

    Map<String, Long> residentMib() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (ServiceProcess service : platform.services()) {
            rss.put(service.name(), service.residentKib() / 1024);
        }
        rss.put("kafka", platform.kafka().process().residentKib() / 1024);
        rss.put("mongo", platform.mongo().process().residentKib() / 1024);
        return rss;
    }

    /**
     * Events appended to the four services' event stores so far, read from each store's sequence (or, on a build
     * from before the sequenced store, counted in axon-mongo's collection, for before-and-after figures).
     */
    long eventsStored() {
        long stored = 0;
        for (ServiceProcess service : platform.services()) {
            MongoDatabase database = mongo.getDatabase("trustline-" + service.name());
            Document counter = database.getCollection("event_log_sequence").find(Filters.eq("_id", "events")).first();
            stored += counter != null ? counter.getLong("last") : database.getCollection("domainevents").countDocuments();
        }
        return stored;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
