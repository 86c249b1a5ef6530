package io.trustline.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustline.testkit.openapi.OpenApiSchemas;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Bad request bodies for one operation, generated from the service's own OpenAPI document and a valid example:
 * for every property the schema declares, the wrong JSON types, enum ordinals, numbers and dates out of range,
 * strings one longer than {@code maxLength}, control characters, empty strings the schema forbids, a duplicated
 * key and each required property left out or null; plus bodies that are not one JSON object. A field added to a
 * request is covered as soon as it is in the schema; a constraint missing from the schema shows up as a variant
 * the service accepts while the schema forbids it, or as one it refuses without saying so.
 *
 * <p>Every string property gets NUL and other C0 control characters whatever its schema says: the platform's
 * policy is that no text field accepts them.
 */
public final class MalformedBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One bad body; {@code name} says what is wrong with it, e.g. {@code expectation.who.scope: enum ordinal 0}. */
    public record Variant(String name, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What the service answered to one variant. */
    public record Answer(int status, String contentType, String body) {
    }

    /**
     * Posts every variant and asserts each is refused with a 4xx as {@code application/problem+json}; the failure
     * lists every variant that was not, with what the service answered.
     */
    public static void assertEachRefused(List<Variant> variants, java.util.function.Function<String, Answer> post) {
        List<String> accepted = new ArrayList<>();
        for (Variant variant : variants) {
            Answer answer = post.apply(variant.body());
            boolean refused = answer.status() >= 400 && answer.status() < 500
                    && answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
            if (!refused) {
                accepted.add(variant.name() + " -> " + answer.status() + " " + answer.contentType() + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
        }
        org.assertj.core.api.Assertions.assertThat(accepted)
                .as("bad bodies not refused with 4xx problem+json (of %d variants)", variants.size())
                .isEmpty();
    }

    private final JsonNode openApi;
    private final OpenApiSchemas schemas;
    private final List<Variant> variants = new ArrayList<>();
    private ObjectNode valid;

    private MalformedBodies(JsonNode openApi) {
        this.openApi = openApi;
        this.schemas = new OpenApiSchemas(openApi);
    }

    /**
     * @param openApiJson the service's {@code /q/openapi?format=json}
     * @param path        the operation's path as the document spells it, e.g. {@code /incidents/{issueId}/action-plan}
     * @param validBody   a body the operation accepts
     */
    public static List<Variant> forPost(String openApiJson, String path, String validBody) {
        return forOperation(openApiJson, "post", path, validBody);
    }

    /** As {@link #forPost} for a PUT. */
    public static List<Variant> forPut(String openApiJson, String path, String validBody) {
        return forOperation(openApiJson, "put", path, validBody);
    }

    /** As {@link #forPost} for a PATCH. */
    public static List<Variant> forPatch(String openApiJson, String path, String validBody) {
        return forOperation(openApiJson, "patch", path, validBody);
    }

    private static List<Variant> forOperation(String openApiJson, String method, String path, String validBody) {
        String name = method.toUpperCase(Locale.ROOT) + " " + path;
        try {
            MalformedBodies corpus = new MalformedBodies(JSON.readTree(openApiJson));
            JsonNode operation = corpus.openApi.path("paths").path(path).path(method);
            if (operation.isMissingNode()) {
                throw new IllegalArgumentException("the OpenAPI document has no " + name);
            }
            JsonNode schema = corpus.schemas.resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
            if (schema.isMissingNode() || !schema.has("properties")) {
                throw new IllegalArgumentException(name + " has no JSON object schema for its body");
            }
            corpus.valid = (ObjectNode) JSON.readTree(validBody);
            corpus.notOneObject(validBody);
            corpus.object(schema, List.of());
            return List.copyOf(corpus.variants);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void notOneObject(String validBody) {
        add("body: empty", "");
        add("body: null", "null");
        add("body: an array", "[" + validBody + "]");
        add("body: a string", "\"" + validBody.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"");
        add("body: a number", "0");
        add("body: trailing tokens", validBody + " {}");
        add("body: truncated", validBody.substring(0, validBody.length() / 2));
    }

    private void object(JsonNode schema, List<Object> path) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            List<Object> at = append(path, property.getKey());
            JsonNode example = at(valid, at);
            if (required.contains(property.getKey())) {
                variant(at, "required, left out", parent -> ((ObjectNode) parent).remove(property.getKey()), false);
                replace(at, "required, null", NODES.nullNode());
            }
            if (example == null) {
                continue;
            }
            add(label(at, "duplicate key"), render(valid, path, property.getKey()));
            value(schemas.resolve(property.getValue()), at, example);
        }
    }

    private void value(JsonNode schema, List<Object> at, JsonNode example) {
        switch (OpenApiSchemas.type(schema)) {
            case "string" -> string(schema, at, example.asText());
            case "integer", "number" -> number(schema, at, OpenApiSchemas.type(schema));
            case "boolean" -> {
                replace(at, "string for boolean", NODES.textNode("true"));
                replace(at, "number for boolean", NODES.numberNode(1));
            }
            case "array" -> array(schema, at, example);
            case "object" -> {
                replace(at, "string for object", NODES.textNode("x"));
                replace(at, "number for object", NODES.numberNode(0));
                replace(at, "array for object", NODES.arrayNode().add(example));
                object(schema, at);
            }
            default -> {
            }
        }
    }

    private void string(JsonNode schema, List<Object> at, String example) {
        replace(at, "number for string", NODES.numberNode(0));
        replace(at, "boolean for string", NODES.booleanNode(true));
        replace(at, "object for string", NODES.objectNode().put("value", example));
        replace(at, "array for string", NODES.arrayNode().add(example));
        replace(at, "NUL in text", NODES.textNode(example + "\u0000"));
        replace(at, "NUL alone", NODES.textNode("\u0000"));
        replace(at, "BEL in text", NODES.textNode(example + "\u0007"));
        replace(at, "ESC in text", NODES.textNode("\u001B[31m" + example));
        replace(at, "DEL in text", NODES.textNode(example + "\u007F"));
        if (forbids(schema, "")) {
            replace(at, "empty string", NODES.textNode(""));
        }
        if (forbids(schema, "   ")) {
            replace(at, "blank string", NODES.textNode("   "));
        }
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            replace(at, "maxLength " + max + " + 1", NODES.textNode(example + "a".repeat(Math.max(1, max + 1 - example.length()))));
        }
        if (schema.has("enum")) {
            replace(at, "enum ordinal 0", NODES.numberNode(0));
            replace(at, "enum ordinal as string", NODES.textNode("1"));
            replace(at, "enum in lower case", NODES.textNode(example.toLowerCase()));
            replace(at, "not one of the enum", NODES.textNode("NOT_A_VALUE"));
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time") || format.equals("date")) {
            replace(at, "epoch number for date", NODES.numberNode(0));
            replace(at, "huge number for date", NODES.numberNode(new BigDecimal("1e308")));
            replace(at, "epoch digits as date string", NODES.textNode("0"));
            replace(at, "year beyond 9999", NODES.textNode("+10000-01-01T00:00:00Z"));
            replace(at, "impossible date", NODES.textNode("2026-13-45T25:61:00Z"));
            replace(at, "date without offset", NODES.textNode("2099-03-03T12:00:00"));
            replace(at, "empty string for date", NODES.textNode(""));
        }
        if (format.equals("email")) {
            replace(at, "not an email", NODES.textNode("not-an-email"));
            replace(at, "empty email", NODES.textNode(""));
        }
    }

    private void number(JsonNode schema, List<Object> at, String type) {
        replace(at, "string for number", NODES.textNode("25"));
        replace(at, "empty string for number", NODES.textNode(""));
        replace(at, "blank string for number", NODES.textNode("  "));
        replace(at, "boolean for number", NODES.booleanNode(true));
        replace(at, "object for number", NODES.objectNode());
        replace(at, "array for number", NODES.arrayNode().add(1));
        replace(at, "1e308", NODES.numberNode(new BigDecimal("1e308")));
        replace(at, "-1e308", NODES.numberNode(new BigDecimal("-1e308")));
        if (type.equals("integer")) {
            replace(at, "fraction for integer", NODES.numberNode(new BigDecimal("1.5")));
            replace(at, "beyond 64 bits", NODES.numberNode(new BigDecimal("99999999999999999999999")));
        }
        if (schema.has("minimum")) {
            replace(at, "below minimum", NODES.numberNode(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
        }
        if (schema.has("maximum")) {
            replace(at, "above maximum", NODES.numberNode(schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
        }
    }

    private void array(JsonNode schema, List<Object> at, JsonNode example) {
        replace(at, "string for array", NODES.textNode("x"));
        replace(at, "object for array", NODES.objectNode());
        replace(at, "number for array", NODES.numberNode(0));
        if (schema.path("minItems").asInt(0) >= 1) {
            replace(at, "fewer than minItems", NODES.arrayNode());
        }
        if (schema.has("maxItems") && example.size() > 0) {
            ArrayNode tooMany = NODES.arrayNode();
            for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                tooMany.add(example.get(i % example.size()));
            }
            replace(at, "maxItems " + schema.get("maxItems").asInt() + " + 1", tooMany);
        }
        if (example.size() > 0) {
            List<Object> first = append(at, 0);
            replace(first, "null item", NODES.nullNode());
            value(schemas.resolve(schema.path("items")), first, example.get(0));
        }
    }

    private boolean forbids(JsonNode schema, String value) {
        if (schema.path("minLength").asInt(0) > value.length()) {
            return true;
        }
        if (schema.has("enum")) {
            for (JsonNode allowed : schema.get("enum")) {
                if (allowed.asText().equals(value)) {
                    return false;
                }
            }
            return true;
        }
        return schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find();
    }

    private void replace(List<Object> at, String what, JsonNode replacement) {
        Object last = at.get(at.size() - 1);
        variant(at, what, parent -> {
            if (parent instanceof ObjectNode object) {
                object.set((String) last, replacement);
            } else {
                ((ArrayNode) parent).set((Integer) last, replacement);
            }
        }, true);
    }

    private void variant(List<Object> at, String what, Consumer<JsonNode> change, boolean needsParent) {
        ObjectNode copy = valid.deepCopy();
        JsonNode parent = at(copy, at.subList(0, at.size() - 1));
        if (parent == null || (needsParent && !parent.isContainerNode())) {
            return;
        }
        change.accept(parent);
        add(label(at, what), copy.toString());
    }

    private void add(String name, String body) {
        variants.add(new Variant(name, body));
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static String label(List<Object> at, String what) {
        StringBuilder name = new StringBuilder();
        for (Object step : at) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(step);
            }
        }
        return name + ": " + what;
    }

    // Jackson's trees cannot hold a key twice, so the duplicate is written while rendering
    private static String render(JsonNode root, List<Object> objectPath, String duplicateKey) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            write(generator, root, objectPath, 0, duplicateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator out, JsonNode node, List<Object> target, int depth, String duplicateKey)
            throws IOException {
        boolean onPath = target != null && depth <= target.size();
        if (node.isObject()) {
            out.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.writeFieldName(field.getKey());
                boolean next = onPath && depth < target.size() && field.getKey().equals(target.get(depth));
                write(out, field.getValue(), next ? target : null, depth + 1, duplicateKey);
            }
            if (onPath && depth == target.size()) {
                out.writeFieldName(duplicateKey);
                out.writeTree(node.get(duplicateKey));
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (int i = 0; i < node.size(); i++) {
                boolean next = onPath && depth < target.size() && Integer.valueOf(i).equals(target.get(depth));
                write(out, node.get(i), next ? target : null, depth + 1, duplicateKey);
            }
            out.writeEndArray();
        } else {
            out.writeTree(node);
        }
    }
}
