package io.trustline.intake.psa;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a PSA's webhook body as a JSON tree, strictly (no duplicate keys, nothing after the value), and names the
 * field when a value has the wrong JSON type. The PSAs' documented shapes are read by hand rather than bound to
 * classes because each sends only some fields and several of them in more than one shape.
 */
public final class WebhookJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private WebhookJson() {
    }

    /** The body as a JSON tree, refusing anything that is not JSON. */
    public static JsonNode parse(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhook(what + " has an empty body.");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedWebhook(what + " is not JSON: " + firstLine(e));
        }
    }

    /** Text that holds JSON itself (ConnectWise may send its Entity so), as a JSON tree. */
    public static JsonNode parse(String text, String field) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedWebhook(field + " is a string that is not JSON: " + firstLine(e));
        }
    }

    /** The object at {@code field}, or null when absent or JSON null. */
    public static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedWebhook(path + " must be a JSON object.");
        }
        return node;
    }

    /** The text at {@code field}, or null when absent, JSON null or empty. */
    public static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedWebhook(path + " must be a JSON string.");
        }
        String text = node.textValue();
        return text.isBlank() ? null : text;
    }

    /** The whole number at {@code field}, or null when absent or JSON null. */
    public static Long number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedWebhook(path + " must be a whole JSON number.");
        }
        return node.longValue();
    }

    /** The boolean at {@code field}, or null when absent or JSON null. */
    public static Boolean bool(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new MalformedWebhook(path + " must be true or false.");
        }
        return node.booleanValue();
    }

    /** Whether the field was sent at all, even as null: a PSA that sends a date as null says it is empty now. */
    public static boolean isSent(JsonNode parent, String field) {
        return parent.has(field);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
