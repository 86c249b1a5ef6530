package io.trustline.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void mongoUnreachable_isInfrastructure_evenWrappedByAxonAndACommand() {
        var unreachable = new MongoTimeoutException("Timed out while waiting for a server");
        var wrapped = new CommandExecutionException("command failed", new EventStoreException("append failed", unreachable));

        assertThat(FailureKind.of(unreachable)).isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(wrapped)).isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 1))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
    }

    @Test
    void retriableKafkaErrors_concurrentAppends_andUnreachableServices_areInfrastructure() {
        assertThat(FailureKind.of(new NotLeaderOrFollowerException("leader moved"))).isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new ConcurrencyException("appended concurrently"))).isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
    }

    @Test
    void aPartnerUnreachable_isNotOurOutage() {
        var partnerDown = new ThirdPartyFailure("webhook endpoint 42 unreachable", new ConnectException("Connection refused"));

        assertThat(FailureKind.of(partnerDown)).isEqualTo(FailureKind.INPUT);
        assertThat(FailureKind.of(new RuntimeException("delivery failed", partnerDown))).isEqualTo(FailureKind.INPUT);
    }

    @Test
    void invalidEventsAndBrokenRules_areInput() {
        var notJson = new UncheckedIOException("data is not a valid IssueReported",
                new JsonParseException(null, "Unexpected character"));

        assertThat(FailureKind.of(notJson)).isEqualTo(FailureKind.INPUT);
        assertThat(FailureKind.of(new IllegalArgumentException("CloudEvent 1 has no tenantid extension")))
                .isEqualTo(FailureKind.INPUT);
        assertThat(FailureKind.of(new RecordTooLargeException("too large"))).isEqualTo(FailureKind.INPUT);
        assertThat(FailureKind.of(new CommandExecutionException("rule", new IllegalStateException("resolved already"))))
                .isEqualTo(FailureKind.INPUT);
    }

    @Test
    void aCauseChainThatLoopsOnItself_endsTheWalk() {
        RuntimeException selfCaused = new RuntimeException("odd") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(FailureKind.of(selfCaused)).isEqualTo(FailureKind.INPUT);
    }
}
