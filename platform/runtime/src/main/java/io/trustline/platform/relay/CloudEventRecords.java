package io.trustline.platform.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.trustline.platform.json.TrustlineJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the Kafka record of an integration event: a CloudEvent in binary mode per the CloudEvents
 * Kafka protocol binding ({@code ce_*} headers, JSON data as the value), keyed by tenant and client so
 * one client's events stay ordered.
 */
@ApplicationScoped
public class CloudEventRecords {

    public static final String TENANT_EXTENSION = "tenantid";

    private final ObjectMapper json = TrustlineJson.newObjectMapper();
    private final String topic;
    private final URI source;

    @Inject
    CloudEventRecords(@ConfigProperty(name = "trustline.service.name") String serviceName,
                      IntegrationEventTranslator translator) {
        this.topic = translator.topic();
        this.source = URI.create("/trustline/" + serviceName);
    }

    public String topic() {
        return topic;
    }

    public CloudEvent toCloudEvent(String eventId, IntegrationEvent event) {
        try {
            return CloudEventBuilder.v1()
                    .withId(eventId)
                    .withSource(source)
                    .withType(event.type())
                    .withSubject(event.subject())
                    .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withExtension(TENANT_EXTENSION, event.tenantId())
                    .withData(json.writeValueAsBytes(event.data()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type() + " " + eventId, e);
        }
    }

    public ProducerRecord<String, byte[]> toRecord(String eventId, IntegrationEvent event) {
        return KafkaMessageFactory.createWriter(topic, event.recordKey())
                .writeBinary(toCloudEvent(eventId, event));
    }
}
