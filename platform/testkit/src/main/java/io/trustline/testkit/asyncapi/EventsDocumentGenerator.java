package io.trustline.testkit.asyncapi;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustline.platform.consumer.DeadLetters;
import io.trustline.platform.json.TrustlineJson;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the AsyncAPI 3.0 document of one topic from the {@code *-api} module that owns it: a channel for the topic
 * and one for its dead letters, the owner's {@code send} operation, a message per CloudEvent type of its
 * {@code *EventTypes} class with the CloudEvents binary-mode headers, the record key and the payload's JSON Schema,
 * built from the published records as Jackson writes them and described with their Javadoc. The golden files are
 * the messages' examples.
 *
 * <p>Component names carry the topic's context ({@code intake.IssueReported}), so a service's document can hold the
 * documents of the topics it consumes beside its own without two schemas sharing a name.
 */
final class EventsDocumentGenerator {

    static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TYPE = Pattern.compile("io\\.trustline\\.([a-z]+)\\.([A-Z]\\w+)\\.(v\\d+)");
    private static final Pattern REQUIRED = Pattern.compile("\\bRequired[.,:]");
    private static final Pattern SUBJECT = Pattern.compile("subject (?:is )?the `(\\w+)`");
    private static final Set<JsonInclude.Include> OMITS_NULLS = Set.of(JsonInclude.Include.NON_NULL,
            JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_EMPTY);

    private final Class<?> topics;
    private final Class<?> eventTypes;
    private final JavadocSources javadoc;
    private final Map<String, List<GoldenFile>> examples;
    private final ObjectMapper json = TrustlineJson.newObjectMapper();
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Set<Class<?>> documented = new HashSet<>();
    private String context;

    /** A golden file: {@code name} as in {@code golden/<name>.json}, e.g. {@code WebhookEndpointDisabled.byTenant.v1}. */
    record GoldenFile(String name, JsonNode tree) {
    }

    /** One message of the document: its CloudEvent type and the record that is its data. */
    record Message(String type, String context, String name, String version, Class<?> record) {

        String key() {
            return context + "." + name;
        }
    }

    EventsDocumentGenerator(Class<?> topics, Class<?> eventTypes, JavadocSources javadoc,
                            Map<String, List<GoldenFile>> examplesByMessageName) {
        this.topics = topics;
        this.eventTypes = eventTypes;
        this.javadoc = javadoc;
        this.examples = examplesByMessageName;
    }

    /** The CloudEvent types of the {@code *EventTypes} class, each with its record, in declaration order. */
    static List<Message> messages(Class<?> eventTypes) {
        List<Message> messages = new ArrayList<>();
        for (Field field : eventTypes.getDeclaredFields()) {
            if (!isStringConstant(field)) {
                continue;
            }
            String type = constant(field);
            Matcher parts = TYPE.matcher(type);
            if (!parts.matches()) {
                throw new AssertionError(eventTypes.getSimpleName() + "." + field.getName() + " = " + type
                        + " is not shaped io.trustline.<context>.<EventName>.v<version>");
            }
            String recordName = eventTypes.getPackageName() + "." + parts.group(2);
            try {
                messages.add(new Message(type, parts.group(1), parts.group(2), parts.group(3),
                        Class.forName(recordName)));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(type + " has no record " + recordName, e);
            }
        }
        return messages;
    }

    ObjectNode generate() {
        List<Message> messages = messages(eventTypes);
        context = messages.get(0).context();
        String topic = topicConstant("EVENTS");
        String deadLetters = topicConstant("DEAD_LETTERS");

        ObjectNode document = NODES.objectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "Trustline " + context + " events");
        info.put("version", messages.get(0).version());
        info.put("description", javadoc.packageDoc(eventTypes.getPackageName()));
        document.put("defaultContentType", "application/json");

        ObjectNode channels = document.putObject("channels");
        ObjectNode events = channels.putObject(eventsChannel());
        events.put("address", topic);
        events.put("title", topic);
        events.put("description", javadoc.constantDoc(topics, "EVENTS"));
        ObjectNode eventMessages = events.putObject("messages");
        messages.forEach(m -> eventMessages.putObject(m.name()).put("$ref", "#/components/messages/" + m.key()));
        kafkaTopic(events, topic);

        ObjectNode letters = channels.putObject(context + "DeadLetters");
        letters.put("address", deadLetters);
        letters.put("title", deadLetters);
        letters.put("description", javadoc.constantDoc(topics, "DEAD_LETTERS"));
        letters.putObject("messages").putObject("DeadLetter")
                .put("$ref", "#/components/messages/" + context + ".DeadLetter");
        kafkaTopic(letters, deadLetters);

        ObjectNode send = document.putObject("operations").putObject("send" + capitalized(context) + "Events");
        send.put("action", "send");
        send.putObject("channel").put("$ref", "#/channels/" + eventsChannel());
        send.put("title", "The " + context + " service publishes its events");
        send.put("description", "Every event the " + context + " service stores is published once it is committed,"
                + " in the order stored, by an outbox relay with an idempotent producer (acks=all). After a crash the"
                + " last batch may be sent again, with the same `ce_id`: consumers de-duplicate by it. One key's"
                + " events (one subject of one tenant) go to one partition, in order.");
        ArrayNode sent = send.putArray("messages");
        messages.forEach(m -> sent.addObject().put("$ref", "#/channels/" + eventsChannel() + "/messages/" + m.name()));

        ObjectNode components = document.putObject("components");
        ObjectNode componentMessages = components.putObject("messages");
        for (Message message : messages) {
            componentMessages.set(message.key(), message(message));
        }
        componentMessages.set(context + ".DeadLetter", deadLetter(topic));
        schemas.put(context + ".CloudEventHeaders", cloudEventHeaders());
        schemas.put(context + ".DeadLetterHeaders", deadLetterHeaders());
        schemas.put(context + ".RecordKey", recordKey());
        ObjectNode componentSchemas = components.putObject("schemas");
        schemas.forEach(componentSchemas::set);
        return document;
    }

    /** The records and enums the generated document describes. */
    Set<Class<?>> documentedTypes() {
        return Set.copyOf(documented);
    }

    private String eventsChannel() {
        return context + "Events";
    }

    private ObjectNode message(Message message) {
        String description = javadoc.typeDoc(message.record());
        ObjectNode node = NODES.objectNode();
        node.put("name", message.name());
        node.put("title", message.name() + " " + message.version());
        node.put("summary", firstSentence(description));
        node.put("description", description);
        node.put("contentType", "application/json");
        ObjectNode headers = node.putObject("headers");
        headers.put("type", "object");
        headers.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + context + ".CloudEventHeaders");
        ObjectNode own = headers.putObject("properties");
        own.putObject("ce_type").put("const", message.type());
        Matcher subject = SUBJECT.matcher(description);
        if (subject.find()) {
            own.putObject("ce_subject").put("description", "The payload's `" + subject.group(1) + "`.");
        }
        node.set("payload", ref(schemaOf(json.constructType(message.record()))));
        node.putObject("bindings").putObject("kafka")
                .put("bindingVersion", KAFKA_BINDING_VERSION)
                .set("key", ref(context + ".RecordKey"));
        List<GoldenFile> goldens = examples.getOrDefault(message.name(), List.of());
        if (!goldens.isEmpty()) {
            ArrayNode list = node.putArray("examples");
            for (GoldenFile golden : goldens) {
                ObjectNode example = list.addObject();
                example.put("name", golden.name());
                example.put("summary", "golden/" + golden.name() + ".json of the " + eventTypes.getPackageName()
                        + " tests");
                example.set("payload", golden.tree());
            }
        }
        return node;
    }

    private ObjectNode deadLetter(String topic) {
        ObjectNode node = NODES.objectNode();
        node.put("name", "DeadLetter");
        node.put("title", "Dead letter");
        node.put("summary", "A record of " + topic + " that a consumer gave up on, with why.");
        node.put("description", "A consumer retries a record whose processing fails with an error the same input"
                + " will cause again (an invalid event, a broken rule) a few times, then copies it here and moves on;"
                + " an outage of MongoDB, Kafka or a downstream service is waited out instead and never ends here."
                + " Key, value and the original headers are unchanged; the `trustline_*` headers say where it came"
                + " from and why it failed.");
        node.set("headers", ref(context + ".DeadLetterHeaders"));
        ObjectNode payload = node.putObject("payload");
        payload.put("description", "The original record's value, byte for byte: normally one of the messages of "
                + topic + ", but any bytes when the record was not a CloudEvent at all.");
        ObjectNode key = NODES.objectNode();
        key.put("type", "string");
        key.put("description", "The original record's key, unchanged.");
        node.putObject("bindings").putObject("kafka")
                .put("bindingVersion", KAFKA_BINDING_VERSION)
                .set("key", key);
        return node;
    }

    private ObjectNode cloudEventHeaders() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "The CloudEvents 1.0 envelope in binary content mode of the Kafka protocol binding:"
                + " one header per attribute, as UTF-8 text; the record's value is the event's JSON data.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        header(required, properties, "ce_specversion", "string", null, "The CloudEvents version.").put("const", "1.0");
        header(required, properties, "ce_id", "string", null, "The event's id: unique per event, and the same when"
                + " the event is published again (after a crash, or redelivered). Consumers de-duplicate by it.");
        header(required, properties, "ce_source", "string", "uri-reference", "The service that published it.")
                .put("const", "/trustline/" + context);
        header(required, properties, "ce_type", "string", null,
                "The event's type, `io.trustline.<context>.<EventName>.v<version>`; a breaking change to an event"
                        + " is a new type `.v2`, never a change to `.v1`.");
        header(required, properties, "ce_subject", "string", null, "What the event is about: normally the client"
                + " (the payload's `clientId`). With the tenant it forms the record key.");
        header(required, properties, "ce_time", "string", "date-time", "When it happened in the domain, as RFC 3339"
                + " in UTC (the payload's `occurredAt`); not when it was published.");
        header(required, properties, "ce_tenantid", "string", null, "The tenant (the provider, an MSP) the event"
                + " belongs to: the payload's `tenantId`. A CloudEvents extension attribute.");
        header(required, properties, "content-type", "string", null, "The data's media type, the CloudEvent's"
                + " `datacontenttype`.").put("const", "application/json");
        return schema;
    }

    private ObjectNode deadLetterHeaders() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "The original record's headers (the `ce_*` headers of the CloudEvent it was, when"
                + " it was one), plus these.");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        header(required, properties, DeadLetters.ORIGINAL_TOPIC, "string", null, "The topic the record was read from.");
        header(required, properties, DeadLetters.ORIGINAL_PARTITION, "string", null,
                "Its partition there, in decimal digits.").put("pattern", "^[0-9]+$");
        header(required, properties, DeadLetters.ORIGINAL_OFFSET, "string", null,
                "Its offset there, in decimal digits.").put("pattern", "^[0-9]+$");
        header(required, properties, DeadLetters.SUBSCRIBER, "string", null, "The subscriber that gave up on it;"
                + " its consumer group is `trustline-<service>-<subscriber>`. Every consumer of the topic writes"
                + " to this one dead-letter topic.");
        header(required, properties, DeadLetters.ATTEMPTS, "string", null,
                "How many times it was tried, in decimal digits.").put("pattern", "^[0-9]+$");
        header(required, properties, DeadLetters.ERROR_CLASS, "string", null, "The Java class of the last error.");
        header(required, properties, DeadLetters.ERROR_MESSAGE, "string", null, "The last error's message.");
        header(required, properties, DeadLetters.ERROR_STACKTRACE, "string", null,
                "The last error's stack trace, cut after 4000 characters.");
        schema.putObject("additionalProperties").put("type", "string")
                .put("description", "The original record's headers, unchanged.");
        return schema;
    }

    private static ObjectNode header(ArrayNode required, ObjectNode properties, String name, String type,
                                     String format, String description) {
        required.add(name);
        ObjectNode header = properties.putObject(name);
        header.put("type", type);
        if (format != null) {
            header.put("format", format);
        }
        header.put("description", description);
        return header;
    }

    private ObjectNode recordKey() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "string");
        schema.put("description", "`<tenantId>:<subject>`, the tenant and the CloudEvent subject joined by a colon"
                + " (for most events `<tenantId>:<clientId>`): one subject's events go to one partition and keep"
                + " their order.");
        schema.put("pattern", "^[^:]+:.+$");
        return schema;
    }

    private static void kafkaTopic(ObjectNode channel, String topic) {
        channel.putObject("bindings").putObject("kafka")
                .put("bindingVersion", KAFKA_BINDING_VERSION)
                .put("topic", topic);
    }

    /** The component name of a type's schema, created (with those of its parts) when first asked for. */
    private String schemaOf(JavaType type) {
        String name = context + "." + componentName(type);
        if (schemas.containsKey(name)) {
            return name;
        }
        Class<?> raw = type.getRawClass();
        if (!raw.getPackageName().equals(eventTypes.getPackageName())) {
            throw new AssertionError(type + " is not a type of " + eventTypes.getPackageName()
                    + "; a published record holds only its own module's types, the JDK's and collections");
        }
        ObjectNode schema = NODES.objectNode();
        schemas.put(name, schema);
        documented.add(raw);
        if (raw.isEnum()) {
            enumSchema(raw, schema);
        } else {
            objectSchema(type, schema);
        }
        return name;
    }

    private void enumSchema(Class<?> type, ObjectNode schema) {
        schema.put("type", "string");
        StringBuilder description = new StringBuilder(javadoc.typeDoc(type));
        ArrayNode values = schema.putArray("enum");
        for (Object constant : type.getEnumConstants()) {
            String written = json.valueToTree(constant).asText();
            values.add(written);
            description.append(values.size() == 1 ? "\n\n" : "\n").append("- `").append(written).append("`: ")
                    .append(javadoc.constantDoc(type, ((Enum<?>) constant).name()));
        }
        schema.put("description", description.toString());
    }

    private void objectSchema(JavaType type, ObjectNode schema) {
        Class<?> raw = type.getRawClass();
        schema.put("type", "object");
        schema.put("description", javadoc.typeDoc(raw));
        Map<String, String> params = javadoc.params(raw);
        BeanDescription bean = json.getSerializationConfig().introspect(type);
        ArrayNode required = NODES.arrayNode();
        ObjectNode properties = NODES.objectNode();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            String doc = params.get(property.getName());
            if (doc == null) {
                throw new AssertionError(raw.getName() + " writes the property " + property.getName()
                        + " that its Javadoc has no @param for");
            }
            JavaType propertyType = property.getPrimaryType();
            boolean isRequired = propertyType.isPrimitive() || REQUIRED.matcher(doc).find();
            if (isRequired) {
                required.add(property.getName());
            }
            ObjectNode propertySchema = typeSchema(propertyType, property.getAccessor());
            if (!isRequired && !omitsNulls(raw)) {
                propertySchema = nullable(propertySchema);
            }
            propertySchema.put("description", doc);
            properties.set(property.getName(), propertySchema);
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.set("properties", properties);
    }

    private ObjectNode typeSchema(JavaType type, AnnotatedMember accessor) {
        Class<?> raw = type.getRawClass();
        ObjectNode schema = NODES.objectNode();
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (raw == Duration.class) {
            JsonFormat format = accessor == null ? null : accessor.getAnnotation(JsonFormat.class);
            if (format == null || format.shape() != JsonFormat.Shape.STRING) {
                throw new AssertionError("a Duration is published as an ISO-8601 string: give " + accessor
                        + " @JsonFormat(shape = JsonFormat.Shape.STRING)");
            }
            schema.put("type", "string").put("format", "duration");
        } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class
                || raw == float.class) {
            schema.put("type", "number");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                || raw == Short.class || raw == short.class || raw == BigInteger.class) {
            schema.put("type", "integer");
        } else if (raw == Boolean.class || raw == boolean.class) {
            schema.put("type", "boolean");
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            schema.set("items", typeSchema(type.getContentType(), null));
        } else if (Map.class.isAssignableFrom(raw)) {
            schema.put("type", "object");
            schema.set("additionalProperties", typeSchema(type.getContentType(), null));
        } else {
            return ref(schemaOf(type));
        }
        return schema;
    }

    private static ObjectNode nullable(ObjectNode schema) {
        if (schema.has("type")) {
            ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
            return schema;
        }
        ObjectNode either = NODES.objectNode();
        either.putArray("oneOf").add(schema).addObject().put("type", "null");
        return either;
    }

    private static boolean omitsNulls(Class<?> type) {
        JsonInclude include = type.getAnnotation(JsonInclude.class);
        return include != null && OMITS_NULLS.contains(include.value());
    }

    private static String componentName(JavaType type) {
        Class<?> raw = type.getRawClass();
        StringBuilder name = new StringBuilder(raw.getSimpleName());
        for (Class<?> outer = raw.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        for (int i = 0; i < type.containedTypeCount(); i++) {
            name.append(componentName(type.containedType(i)));
        }
        return name.toString();
    }

    private static ObjectNode ref(String schemaName) {
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", "#/components/schemas/" + schemaName);
        return ref;
    }

    private String topicConstant(String name) {
        try {
            return (String) topics.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(topics.getName() + " has no public constant " + name, e);
        }
    }

    private static boolean isStringConstant(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                && field.getType() == String.class;
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static String firstSentence(String text) {
        Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static Map<String, List<GoldenFile>> byMessageName(List<GoldenFile> goldens) {
        Map<String, List<GoldenFile>> byName = new LinkedHashMap<>();
        for (GoldenFile golden : goldens) {
            byName.computeIfAbsent(golden.name().substring(0, golden.name().indexOf('.')), n -> new ArrayList<>())
                    .add(golden);
        }
        return byName;
    }
}
