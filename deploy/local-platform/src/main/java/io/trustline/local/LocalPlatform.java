package io.trustline.local;

import io.trustline.platform.keys.ApiKeyHash;
import io.trustline.infra.launcher.FreePorts;
import io.trustline.infra.launcher.KafkaBroker;
import io.trustline.infra.launcher.MongoStandIn;
import io.trustline.infra.launcher.TrustlineHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: the Kafka broker, the Mongo stand-in and the packaged services,
 * each its own process, logging to {@code <data dir>/logs/<name>.log}. Used by {@code ./trustline run}
 * (supervised: see {@link #supervised}) and by the end-to-end tests (not supervised: they stop, kill and restart
 * processes themselves).
 */
public final class LocalPlatform implements AutoCloseable {

    private final LocalPlatformSettings settings;
    private final Path home;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private Map<String, String> serviceConfig = Map.of();
    private KafkaBroker kafka;
    private MongoStandIn mongo;
    private Consumer<String> supervisionReports;
    private Supervisor supervisor;

    public LocalPlatform(LocalPlatformSettings settings) {
        this(settings, TrustlineHome.locate());
    }

    public LocalPlatform(LocalPlatformSettings settings, Path home) {
        this.settings = settings;
        this.home = home;
    }

    /**
     * Once started, watch every process like a process supervisor: one that exits without being asked to (by
     * {@link #stop}, or by {@code stop}, {@code kill} or {@code restart} on it) is reported to {@code reports} at
     * once — name, exit code or signal, last log lines — and started again after 1 s, 2 s, 4 s …, waiting for its
     * readiness, until it has failed too often in a row. An in-memory Mongo stand-in comes back empty. Call before
     * {@link #start}.
     */
    public LocalPlatform supervised(Consumer<String> reports) {
        this.supervisionReports = reports;
        return this;
    }

    /**
     * Starts the broker, then the Mongo stand-in, then all services at once, and returns when every service
     * answers its readiness check. If anything fails, stops what did start and rethrows (with the log tail).
     */
    public void start() {
        try {
            startKafka();
            startMongo();
            Map<String, String> config = new LinkedHashMap<>(settings.serviceConfig());
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.mongodb.connection-string", mongo.connectionString());
            // the platform's tenant, plus any more tenants the settings' service configuration names (tests of isolation)
            String platformTenant = settings.tenantId() + ":" + ApiKeyHash.sha256Hex(settings.apiKey());
            config.merge("trustline.tenancy.api-keys", platformTenant, (moreTenants, own) -> own + "," + moreTenants);
            config.putIfAbsent("trustline.integrations.secret-key", LocalPlatformSettings.DEV_INTEGRATIONS_SECRET_KEY);
            // partners' receivers in local runs and end-to-end tests listen on 127.0.0.1 over plain http
            config.putIfAbsent("trustline.webhooks.allow-http", "true");
            config.putIfAbsent("trustline.webhooks.allow-private-addresses", "loopback");
            config.putIfAbsent("trustline.webhooks.secret-key", LocalPlatformSettings.DEV_WEBHOOKS_SECRET_KEY);
            // the console reaches the services' public APIs here (the services ignore these keys)
            settings.servicePorts().forEach((name, port) -> {
                if (!name.equals(LocalPlatformSettings.CONSOLE)) {
                    config.putIfAbsent("trustline.console." + name + "-url", "http://127.0.0.1:" + port);
                }
            });
            serviceConfig = Map.copyOf(config);
            services.clear();
            settings.servicePorts().forEach((name, port) ->
                    services.put(name, new ServiceProcess(home, name, port, config, log(name))));
            // launched together: on two cores the JVMs' start-ups overlap with each other's I/O waits
            services.values().forEach(ServiceProcess::launch);
            for (ServiceProcess service : services.values()) {
                service.awaitReady(ServiceProcess.READY_TIMEOUT);
            }
            if (supervisionReports != null) {
                superviseAll();
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new NoSuchElementException("no service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    /**
     * Starts one more instance of a running service, on a free port and with the same configuration, so the two
     * share the service's consumer groups, event store, tokens and deadlines, as replicas in production do; returns
     * once it is ready. {@link #stop()} stops it with the rest, or stop it earlier yourself.
     */
    public ServiceProcess startAnotherInstance(String service) {
        return startAnotherInstance(service, Map.of());
    }

    /**
     * As {@link #startAnotherInstance(String)}, with some configuration replaced: e.g. another database and service
     * name, for an instance that shares nothing with the others but the broker (a rebuild from the topics).
     */
    public ServiceProcess startAnotherInstance(String service, Map<String, String> differentConfig) {
        service(service);
        Map<String, String> config = new LinkedHashMap<>(serviceConfig);
        config.putAll(differentConfig);
        ServiceProcess instance;
        // several may be started at once, each waiting for its own readiness: names and the list under one lock
        synchronized (extraInstances) {
            String instanceName = service + "-" + (extraInstances.size() + 2);
            instance = new ServiceProcess(home, service, instanceName, FreePorts.next(), config, log(instanceName));
            extraInstances.add(instance);
        }
        instance.launch();
        instance.awaitReady(ServiceProcess.READY_TIMEOUT);
        if (supervisor != null) {
            supervisor.supervise(instance.name(), instance.process(), instance::restart);
        }
        return instance;
    }

    /** The services in start order. */
    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MongoStandIn mongo() {
        return mongo;
    }

    public LocalPlatformSettings settings() {
        return settings;
    }

    /** Stops the broker gracefully, as an outage would take it away; {@link #startKafkaAgain()} brings it back. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same ports and data, so topics and committed offsets are kept. */
    public void startKafkaAgain() {
        kafka.startAgain();
    }

    /**
     * Stops the Mongo stand-in gracefully, as an outage would take it away; {@link #startMongoAgain()} brings it
     * back with its data, which needs the H2 file ({@code withInMemoryMongo(false)}).
     */
    public void stopMongo() {
        if (settings.inMemoryMongo()) {
            throw new IllegalStateException("an in-memory Mongo stand-in would come back empty; use withInMemoryMongo(false)");
        }
        mongo.close();
    }

    /** Starts the Mongo stand-in again on the same port and H2 file. */
    public void startMongoAgain() {
        mongo.startAgain();
    }

    /**
     * Services first (they flush their work), then the Mongo stand-in (commits H2), then the broker; supervision
     * ends first, so nothing is restarted.
     */
    public void stop() {
        if (supervisor != null) {
            supervisor.close();
            supervisor = null;
        }
        synchronized (extraInstances) {
            extraInstances.forEach(ServiceProcess::stop);
        }
        services.values().forEach(ServiceProcess::stop);
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void superviseAll() {
        supervisor = new Supervisor(supervisionReports, RestartPolicy.DEFAULT);
        supervisor.supervise("kafka", kafka.process(), kafka::startAgain);
        supervisor.supervise("mongo", mongo.process(), mongo::startAgain);
        services.values().forEach(service -> supervisor.supervise(service.name(), service.process(), service::restart));
    }

    private void startMongo() {
        mongo = settings.inMemoryMongo()
                ? MongoStandIn.startInMemory(home, settings.mongoPort(), log("mongo"))
                : MongoStandIn.startOnH2(home, settings.mongoPort(), settings.dataDir().resolve("mongo/trustline.mv"),
                        log("mongo"));
    }

    private void startKafka() {
        kafka = KafkaBroker.start(home, settings.kafkaPort(), settings.controllerPort(),
                settings.dataDir().resolve("kafka"), log("kafka"));
    }

    private Path log(String processName) {
        return settings.dataDir().resolve("logs").resolve(processName + ".log");
    }
}
