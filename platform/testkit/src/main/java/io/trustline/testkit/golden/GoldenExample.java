package io.trustline.testkit.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One golden file as a consumer's test data: the producer's JSON, optionally with some fields varied (ids,
 * tenant, client) so that tests do not see each other's events. Immutable; {@link #with} and {@link #without}
 * return a changed copy.
 *
 * @param <T> the published record the file holds
 */
public final class GoldenExample<T> {

    private final String name;
    private final Class<T> type;
    private final JsonNode tree;

    GoldenExample(String name, Class<T> type, JsonNode tree) {
        this.name = name;
        this.type = type;
        this.tree = tree;
    }

    /**
     * A copy with one field set; {@code value} is written as the event mapper writes it (an {@link Instant} as
     * ISO text). A dotted path reaches into nested objects, e.g. {@code expectation.when.resolveBy}.
     */
    public GoldenExample<T> with(String path, Object value) {
        JsonNode copy = tree.deepCopy();
        parentOf(copy, path).set(leaf(path), GoldenJson.mapper().valueToTree(value));
        return new GoldenExample<>(name, type, copy);
    }

    /** A copy without one field, e.g. to show that a reader rejects the event without it. */
    public GoldenExample<T> without(String path) {
        JsonNode copy = tree.deepCopy();
        parentOf(copy, path).remove(leaf(path));
        return new GoldenExample<>(name, type, copy);
    }

    /** The JSON as a tree (a copy). */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** The JSON as UTF-8 bytes, decimals exactly as in the golden file. */
    public byte[] bytes() {
        return GoldenJson.bytes(tree);
    }

    /**
     * The JSON read as the published record with the event mapper.
     *
     * @throws java.io.UncheckedIOException caused by Jackson's exception when the JSON is not a valid event
     */
    public T value() {
        return GoldenJson.read(GoldenJson.mapper(), tree, type);
    }

    /** A text field, e.g. {@code clientId}. */
    public String text(String path) {
        JsonNode node = parentOf(tree, path).get(leaf(path));
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("golden/" + name + ".json has no text at " + path);
        }
        return node.asText();
    }

    /** An instant field, e.g. {@code occurredAt}. */
    public Instant instant(String path) {
        return Instant.parse(text(path));
    }

    private ObjectNode parentOf(JsonNode root, String path) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("golden/" + name + ".json has no object holding " + path);
        }
        return object;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return "golden/" + name + ".json as " + type.getSimpleName();
    }
}
