package io.trustline.notification.ops;

import java.time.Duration;

/** Kafka did not answer a question of the lag view in time, or could not answer it. */
final class KafkaUnavailable extends RuntimeException {

    private KafkaUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    static KafkaUnavailable noAnswer(String question, Duration timeout, Throwable cause) {
        return new KafkaUnavailable("Kafka did not answer " + question + " within " + timeout + ".", cause);
    }

    static KafkaUnavailable failed(String question, Throwable cause) {
        return new KafkaUnavailable("Kafka could not tell " + question + ": " + cause.getMessage(), cause);
    }
}
