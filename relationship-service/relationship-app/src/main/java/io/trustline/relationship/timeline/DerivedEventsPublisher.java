package io.trustline.relationship.timeline;

import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.relay.CloudEventRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Publishes the {@link DerivedEvents} of a live event on the service's topic and waits for the broker's
 * acknowledgement (the shared idempotent producer, acks=all). The projection calls it before its first write, so
 * a send that fails fails the event, which the subscriber retries — Kafka's retriable errors count as an outage:
 * the partition pauses and the event is scored and published again, under the same ids, until the send succeeds.
 */
@ApplicationScoped
class DerivedEventsPublisher implements Consumer<ScoredEvent> {

    private final KafkaClients kafka;
    private final CloudEventRecords records;

    @Inject
    DerivedEventsPublisher(KafkaClients kafka, CloudEventRecords records) {
        this.kafka = kafka;
        this.records = records;
    }

    @Override
    public void accept(ScoredEvent scored) {
        List<Future<RecordMetadata>> sends = DerivedEvents.of(scored).stream()
                .map(derived -> kafka.producer().send(records.toRecord(derived.id(), derived.event())))
                .toList();
        for (Future<RecordMetadata> send : sends) {
            awaitAcknowledged(send);
        }
    }

    private static void awaitAcknowledged(Future<RecordMetadata> send) {
        try {
            send.get();
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafkaFailure ? kafkaFailure : new KafkaException(e.getCause());
        }
    }
}
