package io.trustline.platform.relay;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored domain event translated for other services: the {@code *-api} record that becomes the
 * CloudEvent's data, with what the envelope needs.
 *
 * @param type    CloudEvent type, {@code io.trustline.<context>.<EventName>.v1}
 * @param tenantId the tenant the event belongs to; becomes the {@code tenantid} extension
 * @param subject    what the event is about, normally the client id; with the tenant it forms the record key
 * @param occurredAt when it happened in the domain; becomes the CloudEvent {@code time}
 * @param data       the published record, serialized as JSON
 */
public record IntegrationEvent(String type, String tenantId, String subject, Instant occurredAt, Object data) {

    public IntegrationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    public String recordKey() {
        return tenantId + ":" + subject;
    }
}
