package io.trustline.incident.incident;

/**
 * A command's {@code occurredAt} lies in the future or before the incident was opened. Plain Java, so the
 * aggregate stays free of HTTP; {@link IncidentResource} answers it as a 400 naming {@code occurredAt}.
 */
public final class OccurredAtOutOfRange extends RuntimeException {

    OccurredAtOutOfRange(String message) {
        super(message);
    }
}
