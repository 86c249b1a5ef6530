package io.trustline.local;

import io.trustline.infra.launcher.FreePorts;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how the local platform runs.
 *
 * @param dataDir       Kafka logs, the Mongo H2 file and process logs live here
 * @param kafkaPort     broker listener on 127.0.0.1
 * @param controllerPort KRaft controller listener on 127.0.0.1
 * @param mongoPort     Mongo stand-in on 127.0.0.1
 * @param servicePorts  HTTP port per service name, in start order
 * @param inMemoryMongo true: nothing survives a stop (tests); false: an H2 file under the data dir
 * @param tenantId      the tenant the API key belongs to
 * @param apiKey        the API key (only its SHA-256 hash is handed to the services)
 */
public record LocalPlatformSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort,
                                    Map<String, Integer> servicePorts, boolean inMemoryMongo, String tenantId,
                                    String apiKey) {

    public static final String DEV_TENANT = "dev";
    public static final String DEV_API_KEY = "tl_dev_local_only_key";

    public LocalPlatformSettings {
        // start order and the printed summary follow the map's order
        servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
    }

    /** The documented local run: fixed ports, data kept under the data dir. */
    public static LocalPlatformSettings localRun(Path dataDir, String apiKey) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("intake", 8081);
        ports.put("incident", 8082);
        ports.put("relationship", 8083);
        ports.put("notification", 8084);
        return new LocalPlatformSettings(dataDir, 19092, 19093, 27018, ports, false, DEV_TENANT, apiKey);
    }

    /** For tests on a shared machine: free ports, in-memory Mongo. */
    public static LocalPlatformSettings forTests(Path dataDir, String tenantId, String apiKey) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : new String[] {"intake", "incident", "relationship", "notification"}) {
            ports.put(service, FreePorts.next());
        }
        return new LocalPlatformSettings(dataDir, FreePorts.next(), FreePorts.next(), FreePorts.next(), ports, true,
                tenantId, apiKey);
    }
}
