package io.trustline.platform.eventstore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/** How one event is laid out in the store's collection. */
final class StoredEvent {

    static final String INDEX = "_id";
    /** aggregate id and sequence number in one unique key, so an aggregate's events are read by full-key lookups */
    static final String STREAM_KEY = "stream";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";

    // fixed width, so the strings sort as the instants do
    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StoredEvent() {
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP_FORMAT.format(instant);
    }

    static Document toDocument(long index, DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document(INDEX, index)
                .append(STREAM_KEY, streamKey(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append("aggregateIdentifier", event.getAggregateIdentifier())
                .append("sequenceNumber", event.getSequenceNumber())
                .append("type", event.getType())
                .append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, timestamp(event.getTimestamp()))
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
    }

    static GenericDomainEventEntry<String> toEntry(Document document) {
        return new GenericDomainEventEntry<>(document.getString("type"), document.getString("aggregateIdentifier"),
                document.getLong("sequenceNumber"), document.getString(EVENT_ID), document.getString(TIMESTAMP),
                document.getString("payloadType"), document.getString("payloadRevision"),
                document.getString("payload"), document.getString("metaData"));
    }

    static long index(Document document) {
        return document.getLong(INDEX);
    }

    static Instant timestampOf(Document document) {
        return Instant.parse(document.getString(TIMESTAMP));
    }
}
