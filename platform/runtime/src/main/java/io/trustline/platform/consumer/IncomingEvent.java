package io.trustline.platform.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.trustline.platform.relay.CloudEventRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A CloudEvent received from Kafka, with typed access to its JSON data. */
public final class IncomingEvent {

    private final CloudEvent cloudEvent;
    private final ObjectMapper json;

    IncomingEvent(CloudEvent cloudEvent, ObjectMapper json) {
        this.cloudEvent = cloudEvent;
        this.json = json;
    }

    public String id() {
        return cloudEvent.getId();
    }

    public String type() {
        return cloudEvent.getType();
    }

    public String subject() {
        return cloudEvent.getSubject();
    }

    /** The tenant the event belongs to, from the {@code tenantid} extension; never taken from the data. */
    public String tenantId() {
        Object tenant = cloudEvent.getExtension(CloudEventRecords.TENANT_EXTENSION);
        if (tenant == null) {
            throw new IllegalArgumentException("CloudEvent " + id() + " has no tenantid extension");
        }
        return tenant.toString();
    }

    public Instant time() {
        if (cloudEvent.getTime() == null) {
            throw new IllegalArgumentException("CloudEvent " + id() + " has no time");
        }
        return cloudEvent.getTime().toInstant();
    }

    public CloudEvent cloudEvent() {
        return cloudEvent;
    }

    public <T> T dataAs(Class<T> type) {
        if (cloudEvent.getData() == null) {
            throw new IllegalArgumentException("CloudEvent " + id() + " of type " + type() + " has no data");
        }
        try {
            return json.readValue(cloudEvent.getData().toBytes(), type);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new UncheckedIOException("data of CloudEvent " + id() + " is not a valid " + type.getSimpleName()
                    + ": " + reason, e);
        }
    }
}
