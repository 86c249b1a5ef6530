package io.trustline.relationship.moments;

/**
 * A command's {@code occurredAt} lies in the future, or a meeting cadence's before the one in force. Plain Java,
 * so the aggregate stays free of HTTP; {@link ClientRelationshipResource} answers it as a 400 naming
 * {@code occurredAt}.
 */
public final class OccurredAtOutOfRange extends RuntimeException {

    OccurredAtOutOfRange(String message) {
        super(message);
    }
}
