package io.trustline.testkit.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustline.platform.json.TrustlineJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.serialization.Revision;

/**
 * Golden JSON files: the frozen shape of an event, one file per event and version, under {@code golden/} on
 * the test classpath ({@code src/test/resources/golden/<Name>.v1.json} in the module that owns the event).
 *
 * <p><b>Producers</b> freeze what they write with {@link #assertMatchesGolden(Object)}: the example is
 * serialised with {@link TrustlineJson} (the mapper of the event store and of the outbox relay), compared with
 * the golden file as JSON (field order and whitespace do not matter; {@code 1200.50} and {@code 1200.5} do),
 * and the golden file is read back into a value that must equal the example. A published event additionally
 * proves with {@link #assertReadDespiteFieldsAddedLater(Object)} that a v1 reader with a strict mapper survives
 * a later, additive version.
 *
 * <p><b>Consumers</b> build their test events from the producer's golden files, which the producing
 * {@code *-api} module ships in its test jar: {@link #example(Class)} loads one, lets a test vary ids
 * ({@link GoldenExample#with(String, Object)}) and gives it back as bytes, a tree or a typed record.
 *
 * <p><b>Stored events</b> are frozen the same way with {@link #assertMatchesStoredGolden(Object)}, since
 * replay reads them back long after they were written.
 *
 * <p><b>Changing a golden file.</b> A failing comparison means the JSON of an event changed. For a published
 * event make the change additive (a new optional field) or publish a {@code .v2}; for a stored event bump its
 * revision and write an upcaster from the old file. Then rewrite the files from the examples with
 * <pre>./mvnw -B -o -pl &lt;module&gt; -am verify -Dtrustline.golden.update=true</pre>
 * which writes {@code src/test/resources/golden/...} relative to the working directory (the module's base
 * directory under Maven) instead of comparing, and review the diff before committing it.
 */
public final class GoldenJson {

    /** System property that turns comparing into rewriting the golden files. */
    public static final String UPDATE_PROPERTY = "trustline.golden.update";

    private static final Path SOURCE_DIRECTORY = Path.of("src", "test", "resources", "golden");

    // trees keep decimals exactly as written, so a money amount that loses its scale is a difference
    private static final ObjectMapper TREES = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenJson() {
    }

    /** The mapper events are written and read with: {@link TrustlineJson#newObjectMapper()}. */
    public static ObjectMapper mapper() {
        return TrustlineJson.newObjectMapper();
    }

    /** {@link #assertMatchesGolden(String, Object)} with {@code golden/<SimpleName>.v1.json}. */
    public static void assertMatchesGolden(Object example) {
        assertMatchesGolden(publishedName(example.getClass()), example);
    }

    /**
     * Asserts that the example is written as {@code golden/<name>.json} and read back from it unchanged; with
     * {@value #UPDATE_PROPERTY}{@code =true} writes that file under {@code src/test/resources} instead.
     *
     * @param name the file's path below {@code golden/} without {@code .json}, e.g. {@code stored/IssueEvent.IssueReported.v1}
     */
    public static void assertMatchesGolden(String name, Object example) {
        assertMatchesGolden(name, example, Boolean.getBoolean(UPDATE_PROPERTY), SOURCE_DIRECTORY);
    }

    static void assertMatchesGolden(String name, Object example, boolean update, Path sourceDirectory) {
        ObjectMapper json = mapper();
        JsonNode written = tree(write(json, example));
        JsonNode golden;
        if (update) {
            rewrite(sourceDirectory.resolve(name + ".json"), written);
            golden = written;
        } else {
            golden = tree(name);
            assertThat(written)
                    .as("JSON of %s against golden/%s.json (rewrite with -D%s=true only if the change is intended)",
                            example.getClass().getName(), name, UPDATE_PROPERTY)
                    .isEqualTo(golden);
        }
        assertThat(read(json, golden, example.getClass()))
                .as("%s read back from golden/%s.json", example.getClass().getName(), name)
                .isEqualTo(example);
    }

    /**
     * Freezes the JSON of a domain event as the event store keeps it, in
     * {@code golden/stored/<Stream>.<Event>.v<revision>.json} (e.g. {@code stored/IssueEvent.IssueReported.v1.json}
     * for the record {@code IssueReported} nested in {@code IssueEvent} with {@code @Revision("1")}). Replay reads
     * these years later: when one fails, do not rewrite it; bump the event's revision, which asks for a new file
     * next to the old one, and write an upcaster from the old file's shape to the new.
     */
    public static void assertMatchesStoredGolden(Object storedEvent) {
        String name = storedName(storedEvent.getClass());
        boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
        // the update switch writes a new revision's file, never over one that stored events already match
        assertMatchesGolden(name, storedEvent, update && !Files.exists(SOURCE_DIRECTORY.resolve(name + ".json")),
                SOURCE_DIRECTORY);
    }

    static String storedName(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        if (revision == null) {
            throw new AssertionError(event.getName() + " has no @Revision; a stored event needs one so that an "
                    + "upcaster can tell its versions apart");
        }
        String stream = event.getEnclosingClass() == null ? "" : event.getEnclosingClass().getSimpleName() + ".";
        return "stored/" + stream + event.getSimpleName() + ".v" + revision.value();
    }

    /**
     * Asserts that the golden file of a published event, with an unknown field added to the event and to every
     * object nested in it, is still read as the example by a mapper that fails on unknown fields. Tolerance
     * must come from the events' own annotations so that consumers with a default mapper have it too.
     */
    public static void assertReadDespiteFieldsAddedLater(Object example) {
        JsonNode golden = tree(publishedName(example.getClass()));
        addUnknownFields(golden);
        ObjectMapper strict = mapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertThat(read(strict, golden, example.getClass())).isEqualTo(example);
    }

    /** The golden example {@code golden/<SimpleName>.v1.json} of a published event. */
    public static <T> GoldenExample<T> example(Class<T> type) {
        return example(publishedName(type), type);
    }

    /** A producer's golden example of an issue's event, moved to a test's own tenant, client and issue. */
    public static <T> GoldenExample<T> exampleOfIssue(Class<T> type, String tenantId, String clientId, String issueId) {
        return example(type).with("tenantId", tenantId).with("clientId", clientId).with("issueId", issueId);
    }

    /** The golden example {@code golden/<name>.json}, read as {@code type}. */
    public static <T> GoldenExample<T> example(String name, Class<T> type) {
        return new GoldenExample<>(name, type, tree(name));
    }

    /** The golden file {@code golden/<name>.json} from the test classpath, as a tree. */
    public static JsonNode tree(String name) {
        String resource = "/golden/" + name + ".json";
        try (InputStream in = GoldenJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no golden file " + resource + " on the test classpath; create it with -D"
                        + UPDATE_PROPERTY + "=true");
            }
            return TREES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String publishedName(Class<?> type) {
        return type.getSimpleName() + ".v1";
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return TREES.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(ObjectMapper json, JsonNode tree, Class<T> type) {
        try {
            return json.readValue(bytes(tree), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] write(ObjectMapper json, Object example) {
        try {
            return json.writeValueAsBytes(example);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + example, e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(Path file, JsonNode written) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, (TREES.writeValueAsString(written) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file.toAbsolutePath(), e);
        }
    }

    private static void addUnknownFields(JsonNode node) {
        node.forEach(GoldenJson::addUnknownFields);
        if (node instanceof ObjectNode object) {
            object.put("addedInALaterVersion", "ignored by v1 readers");
        }
    }
}
