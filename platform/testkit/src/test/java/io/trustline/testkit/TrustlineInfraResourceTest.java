package io.trustline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.trustline.platform.keys.ApiKeyHash;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test kit as a service's test uses it, in the default local mode: no Docker needed. */
class TrustlineInfraResourceTest {

    private static final TrustlineInfraResource INFRA = new TrustlineInfraResource();
    private static Map<String, String> config;

    @BeforeAll
    static void startInfra() {
        config = INFRA.start();
    }

    @AfterAll
    static void stopInfra() {
        INFRA.stop();
    }

    @Test
    void start_configuresKafkaMongoAndTheTestTenants_onReachableLoopbackPorts() {
        assertThat(config).containsOnlyKeys("kafka.bootstrap.servers", "quarkus.mongodb.connection-string",
                "trustline.tenancy.api-keys");
        assertThat(config.get("kafka.bootstrap.servers")).isEqualTo(TrustlineInfraResource.kafkaBootstrapServers());
        assertThat(config.get("quarkus.mongodb.connection-string")).isEqualTo(TrustlineInfraResource.mongoConnectionString());
        assertThat(accepts("tcp://" + TrustlineInfraResource.kafkaBootstrapServers())).isTrue();
        assertThat(accepts(TrustlineInfraResource.mongoConnectionString())).isTrue();
        assertThat(config.get("trustline.tenancy.api-keys"))
                .contains(TestTenants.TENANT_A + ":" + ApiKeyHash.sha256Hex(TestTenants.API_KEY_A))
                .doesNotContain(TestTenants.API_KEY_A);
    }

    @Test
    void awaitEvents_readsPublishedCloudEventsFromTheBeginning_andLeavesOutRecordsThatAreNone() {
        String topic = "test-events-" + UUID.randomUUID();
        KafkaTestTopics.publishRaw(topic, "tenant-a:c-1", "this is not JSON".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("origin", "a misconfigured producer".getBytes(StandardCharsets.UTF_8))));
        CloudEvent published = KafkaTestTopics.publishEvent(topic, "e-1", "io.trustline.test.Happened.v1",
                TestTenants.TENANT_A, "c-1", Instant.parse("2026-01-02T03:04:05Z"), Map.of("issueId", "i-1"));

        List<ConsumerRecord<String, CloudEvent>> events = KafkaTestTopics.awaitEvents(topic, read -> !read.isEmpty());

        assertThat(events).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("tenant-a:c-1");
            assertThat(record.value().getId()).isEqualTo("e-1");
            assertThat(record.value().getType()).isEqualTo("io.trustline.test.Happened.v1");
            assertThat(record.value().getExtension("tenantid")).isEqualTo(TestTenants.TENANT_A);
            assertThat(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"issueId\":\"i-1\"}");
            assertThat(KafkaTestTopics.header(record, "ce_id")).isEqualTo("e-1");
        });
        assertThat(events.get(0).value()).isEqualTo(published);
    }

    @Test
    void awaitRecords_returnsRawRecordsWithTheirHeaders() {
        String topic = "test-dead-letters-" + UUID.randomUUID();
        KafkaTestTopics.publishRaw(topic, "k", "poison".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("origin", "a misconfigured producer".getBytes(StandardCharsets.UTF_8))));

        List<ConsumerRecord<String, byte[]>> records = KafkaTestTopics.awaitRecords(topic, read -> read.size() == 1);

        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(KafkaTestTopics.header(records.get(0), "origin")).isEqualTo("a misconfigured producer");
        assertThat(KafkaTestTopics.header(records.get(0), "absent")).isNull();
    }

    @Test
    void awaitEvents_failsWithWhatItReadWhenTheConditionIsNeverMet() {
        String topic = "test-empty-" + UUID.randomUUID();

        assertThatThrownBy(() -> KafkaTestTopics.awaitEvents(topic, read -> false, java.time.Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("condition on topic " + topic + " not met within 2 s; read 0 records");
    }

    @Test
    void stop_endsTheProcesses_andTheHelpersSayTheInfraIsNotRunning() {
        TrustlineInfraResource other = new TrustlineInfraResource();
        Map<String, String> otherConfig = other.start();
        String bootstrap = otherConfig.get("kafka.bootstrap.servers");
        String mongo = otherConfig.get("quarkus.mongodb.connection-string");

        other.stop();

        assertThat(accepts("tcp://" + bootstrap)).isFalse();
        assertThat(accepts(mongo)).isFalse();
        assertThatThrownBy(TrustlineInfraResource::kafkaBootstrapServers)
                .hasMessageContaining("@WithTestResource(TrustlineInfraResource.class)");
        // the shared resource is running again for the other tests
        INFRA.stop();
        config = INFRA.start();
    }

    private static boolean accepts(String address) {
        URI uri = URI.create(address);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
