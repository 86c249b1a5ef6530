package io.trustline.testkit.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A service's AsyncAPI document as it serves it ({@code GET /asyncapi.yaml}), checked by the AsyncAPI CLI and held
 * against the records the service really writes to Kafka: headers, key and value.
 */
public final class ServedAsyncApi {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String yaml;
    private final JsonNode document;
    private final DocumentSchemas closed;

    private ServedAsyncApi(String yaml) {
        this.yaml = yaml;
        this.document = AsyncApiYaml.read(yaml);
        this.closed = new DocumentSchemas(document, true);
    }

    public static ServedAsyncApi of(String yaml) {
        return new ServedAsyncApi(yaml);
    }

    public JsonNode document() {
        return document;
    }

    /** The operations' keys, e.g. {@code sendIntakeEvents} or {@code intake-events.receive.intakeEvents}. */
    public Set<String> operations() {
        Set<String> keys = new TreeSet<>();
        document.path("operations").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Writes the document to {@code target/asyncapi/<name>.yaml} and validates it with the AsyncAPI CLI. */
    public void assertValidForTheAsyncApiCli(String name) {
        Path file = Path.of("target", "asyncapi", name + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
        AsyncApiCli.assertValid(file);
    }

    /**
     * The record is a message of its topic's channel: its {@code ce_type} names one (or the channel has a single
     * message for any record, as a dead-letter topic does), its headers are those the message declares (no other,
     * every required one), its key and its value satisfy the message's key and payload schemas.
     */
    public void assertFits(ConsumerRecord<String, byte[]> record) {
        List<String> problems = new ArrayList<>();
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            if (headers.has(header.key())) {
                problems.add("header " + header.key() + " twice");
            }
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        JsonNode message = message(record.topic(), headers.path("ce_type").asText());
        String at = record.topic() + "@" + record.offset() + " (" + headers.path("ce_type").asText() + ")";
        if (message == null) {
            problems.add(at + ": no message of the channel " + record.topic() + " has this ce_type");
        } else {
            check(problems, at + " headers", message.path("headers"), headers);
            check(problems, at + " key", message.path("bindings").path("kafka").path("key"), new TextNode(record.key()));
            check(problems, at + " value", message.path("payload"), json(record.value()));
        }
        assertThat(problems).as("a record %s wrote against its AsyncAPI document", record.topic()).isEmpty();
    }

    private void check(List<String> problems, String what, JsonNode schema, JsonNode value) {
        if (schema.isMissingNode()) {
            problems.add(what + ": the message has no schema for it");
            return;
        }
        Set<String> errors = closed.errors(schema, value);
        if (!errors.isEmpty()) {
            problems.add(what + " " + value + ": " + errors);
        }
    }

    private JsonNode message(String topic, String ceType) {
        for (Iterator<JsonNode> channels = document.path("channels").elements(); channels.hasNext(); ) {
            JsonNode channel = channels.next();
            if (!topic.equals(channel.path("address").asText())) {
                continue;
            }
            List<JsonNode> messages = new ArrayList<>();
            channel.path("messages").forEach(ref -> messages.add(closed.resolve(ref)));
            for (JsonNode message : messages) {
                JsonNode type = message.path("headers").path("properties").path("ce_type").path("const");
                // a dead-letter topic's one message takes any record, whatever its type was
                if (ceType.equals(type.asText()) || messages.size() == 1 && type.isMissingNode()) {
                    return message;
                }
            }
        }
        return null;
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return new TextNode(new String(value, StandardCharsets.UTF_8));
        }
    }
}
