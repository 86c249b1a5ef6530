package io.trustline.local;

import io.trustline.infra.launcher.FreePorts;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where and how the local platform runs.
 *
 * @param dataDir        Kafka logs, the Mongo H2 file and process logs live here
 * @param kafkaPort      broker listener on 127.0.0.1
 * @param controllerPort KRaft controller listener on 127.0.0.1
 * @param mongoPort      Mongo stand-in on 127.0.0.1
 * @param servicePorts   HTTP port per service name (and the {@value #CONSOLE}'s), in start order; empty for the
 *                       infrastructure alone
 * @param inMemoryMongo  true: nothing survives a stop (tests); false: an H2 file under the data dir
 * @param tenantId       the tenant the API key belongs to
 * @param apiKey         the API key (only its SHA-256 hash is handed to the services)
 * @param serviceConfig  configuration every service gets on top of the platform's (e.g. shorter timeouts in tests);
 *                       its {@code trustline.tenancy.api-keys} adds tenants to the one above
 */
public record LocalPlatformSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort,
                                    Map<String, Integer> servicePorts, boolean inMemoryMongo, String tenantId,
                                    String apiKey, Map<String, String> serviceConfig) {

    public static final String DEV_TENANT = "dev";
    public static final String DEV_API_KEY = "tl_dev_local_only_key";
    /**
     * The key intake seals integration secrets with in local runs: fixed, not generated, so secrets stored in a
     * kept data dir still open after a restart. For local runs only; production sets its own.
     */
    public static final String DEV_INTEGRATIONS_SECRET_KEY = "dGxfZGV2X2xvY2FsX29ubHlfaW50ZWdyYXRpb25zX2s=";
    /**
     * The key notification seals webhook signing secrets with in local runs: fixed for the same reason, so endpoints
     * in a kept data dir still sign after a restart. For local runs only; production sets its own.
     */
    public static final String DEV_WEBHOOKS_SECRET_KEY = "dGxfZGV2X2xvY2FsX29ubHlfd2ViaG9va3Nfa2V5ISE=";
    public static final List<String> SERVICES = List.of("intake", "incident", "relationship", "notification");
    /** The web console, a process like the services (it calls their APIs); the local run serves it on 8080 (env TRUSTLINE_CONSOLE_PORT). */
    public static final String CONSOLE = "console";
    public static final int CONSOLE_PORT = 8080;

    public LocalPlatformSettings {
        // start order and the printed summary follow the map's order
        servicePorts = Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
        serviceConfig = Map.copyOf(serviceConfig);
    }

    /** The documented local run: fixed ports (console on 8080, services on 8081–8084), data kept under the data dir. */
    public static LocalPlatformSettings localRun(Path dataDir, String apiKey) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(CONSOLE, Integer.parseInt(System.getenv().getOrDefault("TRUSTLINE_CONSOLE_PORT", Integer.toString(CONSOLE_PORT))));
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), 8081 + i);
        }
        return new LocalPlatformSettings(dataDir, 19092, 19093, 27018, ports, false, DEV_TENANT, apiKey, Map.of());
    }

    /** For tests on a shared machine: free ports, in-memory Mongo. */
    public static LocalPlatformSettings forTests(Path dataDir, String tenantId, String apiKey) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service, FreePorts.next()));
        return new LocalPlatformSettings(dataDir, FreePorts.next(), FreePorts.next(), FreePorts.next(), ports, true,
                tenantId, apiKey, Map.of());
    }

    /** The same settings plus the console, on a free port (tests that drive it in a browser). */
    public LocalPlatformSettings withConsole() {
        Map<String, Integer> more = new LinkedHashMap<>(servicePorts);
        more.putIfAbsent(CONSOLE, FreePorts.next());
        return new LocalPlatformSettings(dataDir, kafkaPort, controllerPort, mongoPort, more, inMemoryMongo, tenantId, apiKey,
                serviceConfig);
    }

    /** The same settings with only the given services (none: the broker and the Mongo stand-in alone). */
    public LocalPlatformSettings withServices(String... names) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        for (String name : names) {
            Integer port = servicePorts.get(name);
            if (port == null) {
                throw new IllegalArgumentException("no service " + name + "; known: " + servicePorts.keySet());
            }
            kept.put(name, port);
        }
        return new LocalPlatformSettings(dataDir, kafkaPort, controllerPort, mongoPort, kept, inMemoryMongo, tenantId, apiKey,
                serviceConfig);
    }

    /** The same settings keeping Mongo's data in an H2 file under the data dir (or not). */
    public LocalPlatformSettings withInMemoryMongo(boolean inMemory) {
        return new LocalPlatformSettings(dataDir, kafkaPort, controllerPort, mongoPort, servicePorts, inMemory, tenantId, apiKey,
                serviceConfig);
    }

    /** The same settings with more configuration for every service. */
    public LocalPlatformSettings withServiceConfig(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(serviceConfig);
        merged.putAll(more);
        return new LocalPlatformSettings(dataDir, kafkaPort, controllerPort, mongoPort, servicePorts, inMemoryMongo, tenantId,
                apiKey, merged);
    }
}
