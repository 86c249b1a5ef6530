package io.trustline.platform.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trustline.platform.consumer.CloudEventSubscriber;
import io.trustline.platform.consumer.DeadLetters;
import io.trustline.platform.kafka.KafkaClients;
import io.trustline.platform.relay.IntegrationEventTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's AsyncAPI 3.0 document: the document of the topic it publishes (from its {@code *-api} module, on the
 * classpath as {@code asyncapi/<topic>.yaml}) with, for every topic it reads, that topic's document merged in and an
 * operation per reader — a subscriber's {@code receive} with its consumer group and its {@code send} of dead letters,
 * a {@link TopicReader}'s {@code receive}. Built from the beans that really publish and subscribe, so it names what
 * the running service does; composed once, on first request.
 */
@ApplicationScoped
public class ServiceAsyncApi {

    private static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    static {
        // the examples' decimals as the golden files write them
        YAML.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        YAML.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    private final String service;
    private final IntegrationEventTranslator publisher;
    private final Instance<CloudEventSubscriber> subscribers;
    private final Instance<TopicReader> readers;
    private final KafkaClients kafka;
    private volatile String yaml;

    @Inject
    ServiceAsyncApi(@ConfigProperty(name = "trustline.service.name") String service,
                    IntegrationEventTranslator publisher, Instance<CloudEventSubscriber> subscribers,
                    Instance<TopicReader> readers, KafkaClients kafka) {
        this.service = service;
        this.publisher = publisher;
        this.subscribers = subscribers;
        this.readers = readers;
        this.kafka = kafka;
    }

    /** Where the document of a topic is, in the {@code *-api} module that owns the topic and on the classpath. */
    public static String resourceName(String topic) {
        return "asyncapi/" + topic + ".yaml";
    }

    /** The document as YAML. */
    public String yaml() {
        if (yaml == null) {
            try {
                yaml = YAML.writeValueAsString(compose());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return yaml;
    }

    ObjectNode compose() {
        String published = publisher.topic();
        ObjectNode document = (ObjectNode) load(published);
        ObjectNode info = (ObjectNode) document.get("info");
        info.put("title", "Trustline " + service + " service");
        info.put("description", "What the " + service + " service publishes on `" + published + "` and what it"
                + " reads from other topics. Each topic's contract is also a document of its own, in the `*-api`"
                + " module that owns the topic (`" + resourceName(published) + "` in its jar).\n\n"
                + info.path("description").asText());
        ObjectNode operations = (ObjectNode) document.get("operations");
        for (CloudEventSubscriber subscriber : subscribers) {
            for (String topic : new TreeSet<>(subscriber.topics())) {
                include(document, topic);
                String group = kafka.consumerGroup(subscriber.name());
                ObjectNode receive = operation(document, "receive", topic,
                        "The " + service + " service's subscriber `" + subscriber.name() + "` reads " + topic,
                        "Consumer group `" + group + "`. Each event is applied once: its `ce_id` is recorded with its"
                                + " effect and a redelivered id is skipped; offsets are committed after the effect."
                                + " An outage is waited out; an event that fails the same way again is retried a few"
                                + " times and then sent to `" + topic + DeadLetters.SUFFIX + "`.");
                operations.set(subscriber.name() + ".receive." + channelKey(document, topic), receive);
                receive.putObject("bindings").putObject("kafka")
                        .put("bindingVersion", KAFKA_BINDING_VERSION)
                        .putObject("groupId").put("type", "string").put("const", group);
                String deadLetters = topic + DeadLetters.SUFFIX;
                operations.set(subscriber.name() + ".send." + channelKey(document, deadLetters),
                        operation(document, "send", deadLetters,
                                "The subscriber `" + subscriber.name() + "` parks what it cannot process",
                                "A record of `" + topic + "` that keeps failing the same way, with the error, after"
                                        + " a few attempts; the subscriber then goes on with the next record."));
            }
        }
        for (TopicReader reader : readers) {
            for (String topic : new TreeSet<>(reader.topics())) {
                include(document, topic);
                operations.set(reader.name() + ".receive." + channelKey(document, topic), operation(document,
                        "receive", topic, "The " + service + " service's `" + reader.name() + "` reads " + topic,
                        reader.description()));
            }
        }
        return document;
    }

    private ObjectNode operation(JsonNode document, String action, String topic, String title, String description) {
        String channel = channelKey(document, topic);
        ObjectNode operation = YAML.createObjectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        operation.put("title", title);
        operation.put("description", description);
        ArrayNode messages = operation.putArray("messages");
        document.path("channels").path(channel).path("messages").fieldNames().forEachRemaining(
                name -> messages.addObject().put("$ref", "#/channels/" + channel + "/messages/" + name));
        return operation;
    }

    /** Adds the channels and components of a topic's own document, unless the document has them already. */
    private void include(ObjectNode document, String topic) {
        if (channelKeyOrNull(document, topic) != null) {
            return;
        }
        JsonNode other = load(topic);
        merge((ObjectNode) document.get("channels"), other.path("channels"));
        for (String section : List.of("messages", "schemas")) {
            merge((ObjectNode) document.get("components").get(section), other.path("components").path(section));
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!into.has(entry.getKey())) {
                into.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static String channelKey(JsonNode document, String topic) {
        String key = channelKeyOrNull(document, topic);
        if (key == null) {
            throw new IllegalStateException("the AsyncAPI document has no channel with the address " + topic);
        }
        return key;
    }

    private static String channelKeyOrNull(JsonNode document, String topic) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            if (topic.equals(channel.getValue().path("address").asText())) {
                return channel.getKey();
            }
        }
        return null;
    }

    private static JsonNode load(String topic) {
        String resource = resourceName(topic);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath: the *-api module that owns "
                        + topic + " must be a dependency");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
