package io.trustline.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schemas of one OpenAPI document, read as a client generator reads them. */
public final class OpenApiSchemas {

    private final JsonNode openApi;

    public OpenApiSchemas(JsonNode openApi) {
        this.openApi = openApi;
    }

    /**
     * The schema itself: its {@code $ref} followed (siblings of the reference, such as an example or a description on
     * the property, win over the target's) and its {@code allOf}/{@code anyOf}/{@code oneOf} parts merged, a
     * {@code null} part left out (the generator writes a nullable reference as a combinator of it and null).
     */
    public JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            JsonNode target = openApi.at(schema.get("$ref").asText().substring(1));
            if (schema.size() > 1 && target.isObject()) {
                ObjectNode merged = ((ObjectNode) resolve(target)).deepCopy();
                schema.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("$ref")) {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
                return merged;
            }
            return resolve(target);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                Map<String, JsonNode> merged = new LinkedHashMap<>();
                for (JsonNode part : schema.get(combinator)) {
                    JsonNode resolved = resolve(part);
                    if (!"null".equals(resolved.path("type").asText())) {
                        resolved.fields().forEachRemaining(field -> merged.put(field.getKey(), field.getValue()));
                    }
                }
                schema.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals(combinator)) {
                        merged.put(field.getKey(), field.getValue());
                    }
                });
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                merged.forEach(node::set);
                return node;
            }
        }
        return schema;
    }

    /** The schema's JSON type, its non-null one when it names several; "object" for properties without a type. */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "";
    }
}
