package io.trustline.testkit.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustline.platform.asyncapi.ServiceAsyncApi;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.testkit.asyncapi.EventsDocumentGenerator.GoldenFile;
import io.trustline.testkit.asyncapi.EventsDocumentGenerator.Message;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The AsyncAPI document of a topic, held to the {@code *-api} module that owns the topic, so that it cannot drift
 * from the records: run from that module's tests (working directory: the module), e.g.
 * <pre>
 * EventsDocumentContract contract = EventsDocumentContract.of(IntakeTopics.class, IntakeEventTypes.class);
 * contract.assertDocumentIsGeneratedFromTheRecords();
 * </pre>
 * The document is {@code src/main/resources/asyncapi/<topic>.yaml}, generated from the records and their Javadoc
 * ({@link EventsDocumentGenerator}) and committed so that a reviewer sees every change to the contract; the services
 * serve it from their classpath. {@code -Dtrustline.golden.update=true} rewrites it, as it does the golden files.
 */
public final class EventsDocumentContract {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper();

    private final Class<?> topics;
    private final Class<?> eventTypes;
    private final Path documentFile;

    private EventsDocumentContract(Class<?> topics, Class<?> eventTypes) {
        this.topics = topics;
        this.eventTypes = eventTypes;
        this.documentFile = documentFile(topics);
    }

    /**
     * The contract of the topic named by {@code topics}' {@code EVENTS} constant (its dead letters by
     * {@code DEAD_LETTERS}), whose CloudEvent types are the {@code String} constants of {@code eventTypes}, each the
     * type of the record of the same name in that class's package.
     */
    public static EventsDocumentContract of(Class<?> topics, Class<?> eventTypes) {
        return new EventsDocumentContract(topics, eventTypes);
    }

    /**
     * The committed document equals the one generated from the records, their Javadoc and the golden files (its
     * examples); with {@code -Dtrustline.golden.update=true} it is rewritten instead.
     */
    public void assertDocumentIsGeneratedFromTheRecords() {
        String generated = AsyncApiYaml.write(generate());
        if (Boolean.getBoolean(GoldenJson.UPDATE_PROPERTY)) {
            write(documentFile, generated);
            return;
        }
        assertThat(documentFile).as("the AsyncAPI document of %s; create it with -D%s=true", eventTypes.getPackageName(),
                GoldenJson.UPDATE_PROPERTY).exists();
        assertThat(read(documentFile))
                .as("%s against the records of %s (rewrite with -D%s=true and review the diff)", documentFile,
                        eventTypes.getPackageName(), GoldenJson.UPDATE_PROPERTY)
                .isEqualTo(generated);
    }

    /**
     * Every golden file is an example of a message of the document and satisfies its payload schema, with no
     * property the schema does not list; every message has a golden file; every record and enum of the package is
     * in the document.
     */
    public void assertGoldenFilesFitTheirMessages() {
        JsonNode document = AsyncApiYaml.read(documentFile);
        DocumentSchemas closed = new DocumentSchemas(document, true);
        List<Message> messages = EventsDocumentGenerator.messages(eventTypes);
        Map<String, List<GoldenFile>> goldens = EventsDocumentGenerator.byMessageName(goldenFiles());
        List<String> problems = new ArrayList<>();
        for (String name : goldens.keySet()) {
            if (messages.stream().noneMatch(m -> m.name().equals(name))) {
                problems.add("golden/" + goldens.get(name).get(0).name() + ".json is of no message of the document:"
                        + " add its CloudEvent type to " + eventTypes.getSimpleName());
            }
        }
        for (Message message : messages) {
            JsonNode payload = document.at("/components/messages/" + message.key() + "/payload");
            if (payload.isMissingNode()) {
                problems.add("the document has no message " + message.key() + " (regenerate it)");
                continue;
            }
            List<GoldenFile> examples = goldens.getOrDefault(message.name(), List.of());
            if (examples.isEmpty()) {
                problems.add(message.name() + " has no golden file golden/" + message.name() + "." + message.version()
                        + ".json");
            }
            for (GoldenFile golden : examples) {
                Set<String> errors = closed.errors(payload, golden.tree());
                if (!errors.isEmpty()) {
                    problems.add("golden/" + golden.name() + ".json against the schema of " + message.key() + ": "
                            + errors);
                }
            }
        }
        EventsDocumentGenerator generator = generator();
        generator.generate();
        for (Class<?> type : publishedTypes()) {
            if (!generator.documentedTypes().contains(type)) {
                problems.add(type.getName() + " is in no message of the document: publish it under a CloudEvent type"
                        + " of " + eventTypes.getSimpleName() + ", use it in a published record, or remove it");
            }
        }
        assertThat(problems).as("the AsyncAPI document %s against the golden files and records", documentFile)
                .isEmpty();
    }

    /**
     * A property the document requires is one its record refuses to be read without: each is taken out of the golden
     * files one at a time, and reading them must then fail (primitives excepted: Jackson reads them as 0 or false).
     */
    public void assertRequiredPropertiesAreRequiredByTheRecords() {
        JsonNode document = AsyncApiYaml.read(documentFile);
        DocumentSchemas schemas = new DocumentSchemas(document, false);
        Map<String, List<GoldenFile>> goldens = EventsDocumentGenerator.byMessageName(goldenFiles());
        List<String> problems = new ArrayList<>();
        for (Message message : EventsDocumentGenerator.messages(eventTypes)) {
            JsonNode payload = document.at("/components/messages/" + message.key() + "/payload");
            for (GoldenFile golden : goldens.getOrDefault(message.name(), List.of())) {
                new RequiredProbe(schemas, message.record(), golden, problems)
                        .probe(golden.tree(), "", JSON.constructType(message.record()), payload);
            }
        }
        assertThat(problems).as("properties %s requires that the records read without complaint", documentFile)
                .isEmpty();
    }

    /** The AsyncAPI CLI ({@code asyncapi validate}) finds no error and no warning in the document. */
    public void assertValidForTheAsyncApiCli() {
        AsyncApiCli.assertValid(documentFile);
    }

    ObjectNode generate() {
        return generator().generate();
    }

    private EventsDocumentGenerator generator() {
        return new EventsDocumentGenerator(topics, eventTypes, new JavadocSources(SOURCES),
                EventsDocumentGenerator.byMessageName(goldenFiles()));
    }

    private static Path documentFile(Class<?> topics) {
        try {
            return Path.of("src", "main", "resources")
                    .resolve(ServiceAsyncApi.resourceName((String) topics.getField("EVENTS").get(null)));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(topics.getName() + " has no public constant EVENTS", e);
        }
    }

    /** The published golden files ({@code stored/} holds an app's stored events, not these), by name. */
    private static List<GoldenFile> goldenFiles() {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .sorted()
                    .map(name -> new GoldenFile(name, GoldenJson.tree(name)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + GOLDEN.toAbsolutePath(), e);
        }
    }

    /** The records and enums declared in the package's sources: what the module publishes. */
    private List<Class<?>> publishedTypes() {
        Path dir = SOURCES.resolve(eventTypes.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            List<Class<?>> types = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.java$", "");
                if (name.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(eventTypes.getPackageName() + "." + name);
                if (type.isRecord() || type.isEnum()) {
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }

    /** Takes each required property out of one golden file in turn and reads the rest as the record. */
    private record RequiredProbe(DocumentSchemas schemas, Class<?> record, GoldenFile golden, List<String> problems) {

        void probe(JsonNode node, String path, JavaType type, JsonNode schema) {
            JsonNode resolved = schemas.resolve(schema);
            if (node.isArray() && type.isContainerType() && node.size() > 0) {
                probe(node.get(0), path + "/0", type.getContentType(), resolved.path("items"));
                return;
            }
            if (!node.isObject() || !resolved.has("properties")) {
                return;
            }
            BeanDescription bean = JSON.getSerializationConfig().introspect(type);
            Set<String> required = new TreeSet<>();
            resolved.path("required").forEach(name -> required.add(name.asText()));
            for (BeanPropertyDefinition property : bean.findProperties()) {
                String name = property.getName();
                if (!node.has(name)) {
                    continue;
                }
                String at = path + "/" + name;
                if (required.contains(name) && !property.getPrimaryType().isPrimitive() && readsWithout(at)) {
                    problems.add(record.getSimpleName() + " is read from golden/" + golden.name() + ".json without "
                            + at + ", which the document requires: the record must refuse it, or its Javadoc"
                            + " must not say Required");
                }
                probe(node.get(name), at, property.getPrimaryType(), resolved.path("properties").path(name));
            }
        }

        private boolean readsWithout(String pointer) {
            JsonNode copy = golden.tree().deepCopy();
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            JsonNode holder = parent.isEmpty() ? copy : copy.at(parent);
            ((ObjectNode) holder).remove(pointer.substring(pointer.lastIndexOf('/') + 1));
            try {
                JSON.treeToValue(copy, record);
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
