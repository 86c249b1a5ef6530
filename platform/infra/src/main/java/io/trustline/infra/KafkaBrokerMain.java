package io.trustline.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Apache Kafka broker in KRaft combined mode (broker and controller in one process),
 * listening on 127.0.0.1 only. The storage is formatted once, so topics and offsets survive restarts.
 * Prints {@code TRUSTLINE-READY kafka <bootstrap>} once the broker answers requests. SIGTERM shuts the
 * broker down cleanly (Kafka's own shutdown hook).
 *
 * <pre>--port P --controller-port C --data-dir DIR [--exit-with-parent]</pre>
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "TRUSTLINE-READY kafka ";

    private KafkaBrokerMain() {
    }

    public static void main(String[] argv) {
        StartupFailure.exitOn(() -> run(new Args(argv)));
    }

    private static void run(Args args) throws Exception {
        int port = args.requiredInt("port");
        int controllerPort = args.requiredInt("controller-port");
        Path dataDir = Path.of(args.required("data-dir")).toAbsolutePath();
        if (args.flag("exit-with-parent")) {
            ParentWatch.exitWhenStdinCloses();
        }
        Path logDir = dataDir.resolve("log");
        Files.createDirectories(logDir);
        Path config = dataDir.resolve("server.properties");
        writeConfig(config, port, controllerPort, logDir);
        formatOnce(config, logDir);

        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-main");
        broker.start();
        String bootstrap = "127.0.0.1:" + port;
        awaitServing(bootstrap, clusterId(logDir));
        System.out.println(READY_PREFIX + bootstrap);
        System.out.flush();
        broker.join();
    }

    private static Properties serverProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        // a single consumer in a test must not wait 3 s for others to join its group
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void writeConfig(Path file, int port, int controllerPort, Path logDir) throws IOException {
        // rewritten at every start: the ports may change between runs, the formatted storage does not care
        try (Writer out = Files.newBufferedWriter(file)) {
            serverProperties(port, controllerPort, logDir).store(out, "written by KafkaBrokerMain at every start");
        }
    }

    private static void formatOnce(Path config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        // execute(), unlike main(), does not call System.exit
        int exitCode = kafka.tools.StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"}, System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed with exit code " + exitCode);
        }
    }

    private static String clusterId(Path logDir) throws IOException {
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(logDir.resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    /**
     * The log line "Kafka Server started" comes before the listeners answer; a real request does not. The
     * cluster id tells this broker from another one already listening on the port (this one then fails to
     * bind and exits, which the launcher reports).
     */
    private static void awaitServing(String bootstrap, String clusterId) throws InterruptedException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "trustline-readiness-" + UUID.randomUUID());
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (clusterId.equals(admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS))) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notServingYet) {
                    // the launcher bounds the wait and reports the broker's log if it never serves
                }
                Thread.sleep(200);
            }
        }
    }
}
