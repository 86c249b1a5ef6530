package io.trustline.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.MongoStandIn;
import java.util.Map;

/** The Mongo-wire stand-in the services' tests use, in its own JVM on a free port: where the console keeps sessions. */
public class MongoStandInResource implements QuarkusTestResourceLifecycleManager {

    private MongoStandIn mongo;

    @Override
    public Map<String, String> start() {
        mongo = MongoStandIn.startInMemory(FreePorts.next());
        return Map.of("quarkus.mongodb.connection-string", mongo.connectionString());
    }

    @Override
    public void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }
}
