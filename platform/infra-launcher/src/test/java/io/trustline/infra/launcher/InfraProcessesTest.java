package io.trustline.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraProcessesTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerAndTheMongoStandIn_startInTheirOwnJvms_acceptConnections_andStopCleanly() throws IOException {
        Path home = TrustlineHome.locate();
        int kafkaPort = FreePorts.next();
        int mongoPort = FreePorts.next();
        ManagedProcess kafkaProcess;
        ManagedProcess mongoProcess;
        try (KafkaBroker kafka = KafkaBroker.start(home, kafkaPort, FreePorts.next(), dir.resolve("kafka"), dir.resolve("kafka.log"));
             MongoStandIn mongo = MongoStandIn.startOnH2(home, mongoPort, dir.resolve("mongo/data.mv"), dir.resolve("mongo.log"))) {
            kafkaProcess = kafka.process();
            mongoProcess = mongo.process();
            assertThat(kafkaProcess.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(accepts(kafkaPort)).isTrue();
            assertThat(accepts(mongoPort)).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafkaPort);
        }
        assertThat(kafkaProcess.isAlive()).isFalse();
        assertThat(mongoProcess.isAlive()).isFalse();
        assertThat(Files.exists(dir.resolve("kafka/log/meta.properties"))).as("broker storage formatted").isTrue();
        assertThat(Files.exists(dir.resolve("mongo/data.mv"))).as("H2 file written").isTrue();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
