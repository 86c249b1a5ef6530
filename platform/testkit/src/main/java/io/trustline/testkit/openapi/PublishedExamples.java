package io.trustline.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.Assertions;

/**
 * The request bodies a client generated from a service's OpenAPI document would send: for every operation with a
 * JSON request body, the media type's {@code example} (or its first {@code examples} entry), or else a body composed
 * from the examples of the schema's properties. Each one is checked against its own schema, formats included, so an
 * example that contradicts the published constraints fails here before it is ever sent.
 *
 * <p>A service's test then sends each example and expects it accepted ({@link #assertEachAccepted}): a constraint the
 * server enforces but the document does not publish shows up as an example the server refuses.
 */
public final class PublishedExamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("post", "put", "patch", "delete", "get");
    // JSON Schema 2020-12 plus the OpenAPI words that carry no rule
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("components"))
                    .keyword(new NonValidationKeyword("example"))
                    .keyword(new NonValidationKeyword("discriminator"))
                    .build()));

    /** One operation's example body; {@code name} is e.g. {@code PATCH /issues/{issueId}/expectation}. */
    public record RequestExample(String method, String path, JsonNode body) {

        public String name() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** What the service answered to one example. */
    public record Answer(int status, String body) {
    }

    private final JsonNode openApi;
    private final OpenApiSchemas schemas;
    private final List<String> problems = new ArrayList<>();

    private PublishedExamples(JsonNode openApi) {
        this.openApi = openApi;
        this.schemas = new OpenApiSchemas(openApi);
    }

    /**
     * Reads every operation's example from {@code /q/openapi?format=json}; fails naming each operation whose request
     * body has no example and cannot be composed from property examples, and each example its own schema refuses.
     */
    public static List<RequestExample> from(String openApiJson) {
        return from(openApiJson, Map.of());
    }

    /**
     * As {@link #from(String)}, leaving out the operations named in {@code exceptions} (e.g.
     * {@code POST /integrations/{integrationId}/events}) with the reason each one's example cannot be sent. An
     * exception naming an operation the document does not publish is ignored, so a test can name one that a branch
     * not merged yet adds.
     */
    public static List<RequestExample> from(String openApiJson, Map<String, String> exceptions) {
        PublishedExamples reader;
        try {
            reader = new PublishedExamples(JSON.readTree(openApiJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RequestExample> examples = reader.read(exceptions.keySet());
        Assertions.assertThat(reader.problems).as("request bodies of the published OpenAPI document").isEmpty();
        return examples;
    }

    /** Sends each example and asserts a 2xx, reporting every operation at once with what it answered. */
    public static void assertEachAccepted(List<RequestExample> examples, Function<RequestExample, Answer> send) {
        Assertions.assertThat(examples).as("operations with a JSON request body").isNotEmpty();
        List<String> refused = new ArrayList<>();
        for (RequestExample example : examples) {
            Answer answer = send.apply(example);
            if (answer.status() < 200 || answer.status() >= 300) {
                refused.add(example.name() + " " + example.body() + " -> " + answer.status() + " "
                        + answer.body().substring(0, Math.min(400, answer.body().length())));
            }
        }
        Assertions.assertThat(refused).as("published examples the service did not accept (of %d sent)", examples.size())
                .isEmpty();
    }

    private List<RequestExample> read(Set<String> excused) {
        List<RequestExample> examples = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                JsonNode media = operation.path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (excused.contains(name)) {
                    continue;
                }
                JsonNode body = example(name, media);
                if (body != null) {
                    validate(name, media.path("schema"), body);
                    examples.add(new RequestExample(method.toUpperCase(Locale.ROOT), path.getKey(), body));
                }
            }
        }
        return examples;
    }

    private JsonNode example(String operation, JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        Iterator<JsonNode> named = media.path("examples").elements();
        if (named.hasNext()) {
            JsonNode first = named.next();
            return first.has("value") ? first.get("value") : schemas.resolve(first).get("value");
        }
        List<String> missing = new ArrayList<>();
        JsonNode composed = compose(schemas.resolve(media.path("schema")), "", missing);
        if (!missing.isEmpty() || composed == null) {
            problems.add(operation + ": no example for its request body, nor for " + (missing.isEmpty() ? "its schema" : missing));
            return null;
        }
        return composed;
    }

    /** The schema's own example, or one built from its properties' examples; null with {@code missing} filled. */
    private JsonNode compose(JsonNode schema, String at, List<String> missing) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        switch (OpenApiSchemas.type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(property -> required.add(property.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    String where = at.isEmpty() ? property.getKey() : at + "." + property.getKey();
                    List<String> missingHere = new ArrayList<>();
                    JsonNode value = compose(schemas.resolve(property.getValue()), where, missingHere);
                    if (value != null && missingHere.isEmpty()) {
                        object.set(property.getKey(), value);
                    } else if (required.contains(property.getKey())) {
                        missing.addAll(missingHere.isEmpty() ? List.of(where) : missingHere);
                    }
                }
                return object;
            }
            case "array" -> {
                JsonNode item = compose(schemas.resolve(schema.path("items")), at + "[0]", missing);
                ArrayNode array = NODES.arrayNode();
                if (item != null) {
                    array.add(item);
                }
                return array;
            }
            default -> {
                missing.add(at.isEmpty() ? "the body" : at);
                return null;
            }
        }
    }

    private void validate(String operation, JsonNode schema, JsonNode body) {
        // the body's schema with the document's components beside it, so its $refs resolve as in the document
        ObjectNode standalone = NODES.objectNode();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (schema.isObject()) {
            standalone.setAll((ObjectNode) schema);
        }
        standalone.set("components", openApi.path("components"));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema validator = SCHEMAS.getSchema(standalone, config);
        Set<ValidationMessage> errors = validator.validate(body);
        if (!errors.isEmpty()) {
            problems.add(operation + ": its example " + body + " breaks its own schema: "
                    + errors.stream().map(ValidationMessage::getMessage).sorted().toList());
        }
    }

}
