package io.trustline.platform.relay;

import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.metrics.PipelineMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Publishes every event committed to the service's event store to its Kafka topic, as a CloudEvent.
 * It runs in a tracking processor whose token lives in MongoDB next to the events: the event store is
 * the outbox. A batch's sends are awaited before the batch ends, so the token only moves past events
 * Kafka has acknowledged; a failed send fails the batch and the processor retries it from the same
 * token. After a crash the last batch may be published twice, with the same CloudEvent ids.
 *
 * <p>Each acknowledged event counts as relayed, with the time since its append as the relay lag; an event of a batch
 * that failed counts again when the batch is retried, because it was published again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String PENDING_SENDS = OutboxRelay.class.getName() + ".pendingSends";

    private final KafkaClients kafka;
    private final CloudEventRecords records;
    private final IntegrationEventTranslator translator;
    private final PipelineMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    @Inject
    OutboxRelay(KafkaClients kafka, CloudEventRecords records, IntegrationEventTranslator translator,
                PipelineMetrics metrics) {
        this.kafka = kafka;
        this.records = records;
        this.translator = translator;
        this.metrics = metrics;
    }

    @EventHandler
    void publish(EventMessage<?> stored) throws InterruptedException, ExecutionException {
        IntegrationEvent event = translator.translate(stored.getPayload());
        Future<RecordMetadata> send = kafka.producer().send(records.toRecord(stored.getIdentifier(), event));
        List<PendingSend> pending = pendingSends();
        pending.add(new PendingSend(send, event.type(), stored.getTimestamp()));
        if (isLastOfBatch()) {
            kafka.producer().flush();
            for (PendingSend each : pending) {
                each.send().get();
                metrics.relayed(records.topic(), each.type(), Duration.between(each.appendedAt(), clock.instant()));
            }
            pending.clear();
        }
    }

    private record PendingSend(Future<RecordMetadata> send, String type, Instant appendedAt) {
    }

    private static List<PendingSend> pendingSends() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ArrayList<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING_SENDS, key -> new ArrayList<>());
    }

    private static boolean isLastOfBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return true;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
    }
}
