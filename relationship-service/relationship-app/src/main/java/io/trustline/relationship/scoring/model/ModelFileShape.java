package io.trustline.relationship.scoring.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a model file's tree with the shape of {@link ScoringModel} before binding it, so an
 * author sees every misspelt, unknown and missing key at once, by its path ("trust.clientChasd:
 * unknown"), rather than the first error a binder happens to meet.
 */
final class ModelFileShape {

    private ModelFileShape() {
    }

    static List<String> problems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        check(root, ScoringModel.class, "", problems);
        return problems;
    }

    private static void check(JsonNode node, Type type, String path, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            checkRecord(node, raw, path, problems);
        } else if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            checkMap(node, parameterized, path, problems);
        } else if (Set.class.isAssignableFrom(raw) && !node.isArray()) {
            problems.add(path + ": must be a list");
        } else if ((raw == int.class || raw == long.class || raw == Integer.class) && !node.isIntegralNumber()) {
            problems.add(path + ": must be a whole number, was " + node);
        } else if ((raw == double.class || raw == Double.class) && !node.isNumber()) {
            problems.add(path + ": must be a number, was " + node);
        }
    }

    private static void checkRecord(JsonNode node, Class<?> record, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add((path.isEmpty() ? "the file" : path) + ": must be a mapping of keys");
            return;
        }
        RecordComponent[] components = record.getRecordComponents();
        List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!names.contains(key)) {
                problems.add(join(path, key) + ": unknown key (expected one of " + names + ")");
            }
        }
        for (RecordComponent component : components) {
            JsonNode value = node.get(component.getName());
            if (value == null || value.isNull()) {
                problems.add(join(path, component.getName()) + ": missing");
            } else {
                check(value, component.getGenericType(), join(path, component.getName()), problems);
            }
        }
    }

    private static void checkMap(JsonNode node, ParameterizedType map, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": must be a mapping of keys");
            return;
        }
        Type keyType = map.getActualTypeArguments()[0];
        Type valueType = map.getActualTypeArguments()[1];
        List<String> allowed = keyType instanceof Class<?> keyClass && keyClass.isEnum()
                ? Arrays.stream(keyClass.getEnumConstants()).map(Object::toString).toList() : null;
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (allowed != null && !allowed.contains(entry.getKey())) {
                problems.add(join(path, entry.getKey()) + ": unknown key (expected one of " + allowed + ")");
            } else {
                check(entry.getValue(), valueType, join(path, entry.getKey()), problems);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
