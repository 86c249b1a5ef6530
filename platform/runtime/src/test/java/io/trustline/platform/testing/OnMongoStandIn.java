package io.trustline.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class's own Mongo stand-in, in memory in its own process, and a client of it; each test takes its own database. */
public abstract class OnMongoStandIn {

    @TempDir
    static Path work;
    protected static MongoStandIn mongo;
    protected static MongoClient client;

    @BeforeAll
    static void startMongo() throws Exception {
        mongo = MongoStandIn.startInMemory(TrustlineHome.locate(), FreePorts.next(),
                Files.createTempFile(work, "mongo", ".log"));
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        if (client != null) {
            client.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }
}
