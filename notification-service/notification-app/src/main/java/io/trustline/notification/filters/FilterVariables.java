package io.trustline.notification.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The variables a {@link ContentFilter} sees, taken from a CloudEvent. */
public final class FilterVariables {

    static final String TYPE = "type";
    static final String SOURCE = "source";
    static final String SUBJECT = "subject";
    static final String ID = "id";
    static final String TIME = "time";
    static final String DATA = "data";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterVariables() {
    }

    /** An absent attribute is left out, so {@code has()} is false for it and using it is an evaluation error. */
    public static Map<String, Object> of(CloudEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TYPE, event.getType());
        variables.put(ID, event.getId());
        if (event.getSource() != null) {
            variables.put(SOURCE, event.getSource().toString());
        }
        if (event.getSubject() != null) {
            variables.put(SUBJECT, event.getSubject());
        }
        if (event.getTime() != null) {
            Instant time = event.getTime().toInstant();
            variables.put(TIME, Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()).build());
        }
        variables.put(DATA, data(event));
        return variables;
    }

    private static Map<String, Object> data(CloudEvent event) {
        if (event.getData() == null) {
            return Map.of();
        }
        try {
            JsonNode tree = JSON.readTree(event.getData().toBytes());
            return tree.isObject() ? object(tree) : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("data of CloudEvent " + event.getId() + " is not JSON", e);
        }
    }

    // CEL's runtime knows long, double, String, Boolean, List and Map, not Jackson's int or BigDecimal
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> {
                if (!element.isNull()) {
                    list.add(value(element));
                }
            });
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    // a JSON null is left out like an absent field: has(data.x) is false for both
    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                map.put(field.getKey(), value(field.getValue()));
            }
        });
        return map;
    }
}
