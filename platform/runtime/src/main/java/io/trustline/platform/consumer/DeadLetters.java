package io.trustline.platform.consumer;

import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.metrics.PipelineMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Moves a record that keeps failing to {@code <topic>.dlq}: same key, value and headers, plus headers
 * saying where it came from and why it failed, so it can be inspected and replayed.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = ".dlq";
    public static final String ERROR_CLASS = "trustline_error_class";
    public static final String ERROR_MESSAGE = "trustline_error_message";
    public static final String ERROR_STACKTRACE = "trustline_error_stacktrace";
    public static final String ORIGINAL_TOPIC = "trustline_original_topic";
    public static final String ORIGINAL_PARTITION = "trustline_original_partition";
    public static final String ORIGINAL_OFFSET = "trustline_original_offset";
    public static final String SUBSCRIBER = "trustline_subscriber";
    public static final String ATTEMPTS = "trustline_attempts";

    private final KafkaClients kafka;
    private final PipelineMetrics metrics;

    @Inject
    DeadLetters(KafkaClients kafka, PipelineMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** Returns once the broker acknowledged the dead letter; throws if it did not. */
    public void send(ConsumerRecord<String, byte[]> failed, String subscriber, int attempts, Throwable error)
            throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(failed.topic() + SUFFIX, null, failed.key(), failed.value(), failed.headers());
        Headers headers = letter.headers();
        headers.add(ERROR_CLASS, bytes(error.getClass().getName()));
        headers.add(ERROR_MESSAGE, bytes(String.valueOf(error.getMessage())));
        headers.add(ERROR_STACKTRACE, bytes(stackTrace(error)));
        headers.add(ORIGINAL_TOPIC, bytes(failed.topic()));
        headers.add(ORIGINAL_PARTITION, bytes(Integer.toString(failed.partition())));
        headers.add(ORIGINAL_OFFSET, bytes(Long.toString(failed.offset())));
        headers.add(SUBSCRIBER, bytes(subscriber));
        headers.add(ATTEMPTS, bytes(Integer.toString(attempts)));
        kafka.producer().send(letter).get(30, TimeUnit.SECONDS);
        metrics.deadLettered(subscriber, failed.topic());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() > 4000 ? trace.substring(0, 4000) : trace;
    }
}
