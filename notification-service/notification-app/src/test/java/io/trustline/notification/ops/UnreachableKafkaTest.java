package io.trustline.notification.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trustline.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With no broker to answer, {@code GET /ops/lag} answers 503 with Retry-After once its Kafka timeout is over. */
class UnreachableKafkaTest {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void noBrokerAnswering_isA503ProblemWithRetryAfter_soonAfterTheKafkaTimeout() throws IOException {
        String nowhere = "127.0.0.1:" + closedPort();
        ConsumerGroupPositions positions = new ConsumerGroupPositions(nowhere, "ops-lag-test", KAFKA_TIMEOUT);
        ConsumerLagView view = new ConsumerLagView(positions,
                new LaggingRecordsReader(nowhere, "ops-lag-test-reader", KAFKA_TIMEOUT, Clock.systemUTC()),
                new Settings(), Clock.systemUTC());
        try {
            long started = System.nanoTime();
            KafkaUnavailable failure = catchThrowableOfType(KafkaUnavailable.class,
                    () -> view.measure("tenant-a", Optional.empty()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failure).hasMessageContaining("which consumer groups exist");
            assertThat(took).isLessThan(KAFKA_TIMEOUT.multipliedBy(4));
            Response answer = new OpsLagResource().kafkaUnavailable(failure);
            assertThat(answer.getStatus()).isEqualTo(503);
            assertThat(answer.getHeaderString("Retry-After")).isEqualTo(OpsLagResource.RETRY_AFTER_SECONDS);
            assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
            assertThat(((Problem) answer.getEntity()).detail()).startsWith(failure.getMessage());
        } finally {
            positions.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Settings implements OpsLagSettings {

        @Override
        public int sampleLimit() {
            return 100;
        }

        @Override
        public int clientLimit() {
            return 10;
        }

        @Override
        public Duration kafkaTimeout() {
            return KAFKA_TIMEOUT;
        }

        @Override
        public Duration readTimeLimit() {
            return KAFKA_TIMEOUT;
        }
    }
}
