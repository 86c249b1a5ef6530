package io.trustline.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Stores read-model records in MongoDB in the same JSON shape the APIs show (ISO dates as strings). */
public final class DocumentMapper {

    private static final ObjectMapper JSON = TrustlineJson.newObjectMapper();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private DocumentMapper() {
    }

    public static Document toDocument(Object value) {
        try {
            return Document.parse(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return JSON.readValue(copy.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document is not a " + type.getSimpleName(), e);
        }
    }
}
