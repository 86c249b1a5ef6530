package io.trustline.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.List;
import org.bson.Document;

/** Stores read-model records in MongoDB in the same JSON shape the APIs show (ISO dates as strings). */
public final class DocumentMapper {

    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper();

    private DocumentMapper() {
    }

    public static Document toDocument(Object value) {
        try {
            return Document.parse(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    /** The fields a document must hold to be read as {@code type}: its JSON properties. */
    public static List<String> fieldsOf(Class<?> type) {
        return JSON.getDeserializationConfig().introspect(JSON.constructType(type)).findProperties().stream()
                .filter(BeanPropertyDefinition::couldDeserialize)
                .map(BeanPropertyDefinition::getName)
                .toList();
    }

    /**
     * The record a document holds. Stored documents hold JSON's types only (they are written from JSON), so the
     * document's own maps, lists and values are read directly, without writing them out as JSON text first.
     */
    public static <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return JSON.convertValue(copy, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored document is not a " + type.getSimpleName(), e);
        }
    }
}
