package io.trustline.testkit.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates JSON values against the schemas of one AsyncAPI document. Closed, every object schema that lists its
 * properties refuses others: the document leaves its payloads open (readers ignore unknown fields), but what a
 * producer writes must all be in the document.
 */
final class DocumentSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // the document's schemas use only words that mean the same in JSON Schema draft-07 (AsyncAPI's) and 2020-12
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("components"))
                    .build()));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final JsonNode document;
    private final ObjectNode components;

    DocumentSchemas(JsonNode document, boolean closed) {
        this.document = document;
        this.components = (ObjectNode) document.path("components").deepCopy();
        if (closed) {
            close(components.path("schemas"));
        }
    }

    /** The validation errors of {@code value} against {@code schema} (a schema of the document, or a reference). */
    Set<String> errors(JsonNode schema, JsonNode value) {
        ObjectNode standalone = NODES.objectNode();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.setAll((ObjectNode) schema.deepCopy());
        standalone.set("components", components);
        Set<String> errors = new TreeSet<>();
        for (ValidationMessage message : SCHEMAS.getSchema(standalone, CONFIG).validate(value)) {
            errors.add(message.getMessage());
        }
        return errors;
    }

    /** The schema itself: references followed, and of a nullable {@code oneOf} the part that is not null. */
    JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return resolve(document.at(schema.get("$ref").asText().substring(1)));
        }
        if (schema.has("oneOf")) {
            for (JsonNode part : schema.get("oneOf")) {
                if (!"null".equals(part.path("type").asText())) {
                    return resolve(part);
                }
            }
        }
        return schema;
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            if (node.has("properties") && !node.has("additionalProperties") && !node.has("allOf")) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
            node.forEach(DocumentSchemas::close);
        } else if (node.isArray()) {
            node.forEach(DocumentSchemas::close);
        }
    }
}
