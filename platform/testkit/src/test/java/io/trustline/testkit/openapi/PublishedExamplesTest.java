package io.trustline.testkit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.testkit.openapi.PublishedExamples.RequestExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedExamplesTest {

    private static final String COMPONENTS = """
            "components": {"schemas": {
              "Person": {"type": "object", "required": ["name", "email"], "properties": {
                "name": {"type": "string", "minLength": 1, "examples": ["Ana"]},
                "email": {"type": "string", "format": "email", "examples": ["ana@example.com"]},
                "nickname": {"type": "string"},
                "role": {"$ref": "#/components/schemas/Role"}}},
              "Role": {"type": "string", "enum": ["OWNER", "MEMBER"]}}}
            """;

    @Test
    void theMediaTypesExample_isTakenAsItIs() {
        List<RequestExample> examples = PublishedExamples.from(document("""
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"},
                  "example": {"name": "Bo", "email": "bo@example.com"}}}"""));

        assertThat(examples).singleElement().satisfies(example -> {
            assertThat(example.name()).isEqualTo("POST /people/{teamId}");
            assertThat(example.body().toString()).isEqualTo("{\"name\":\"Bo\",\"email\":\"bo@example.com\"}");
        });
    }

    @Test
    void withoutOne_theBodyIsComposedFromThePropertiesExamples_andEnumsFirstValue() {
        List<RequestExample> examples = PublishedExamples.from(document("""
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}"""));

        assertThat(examples.get(0).body().toString())
                .isEqualTo("{\"name\":\"Ana\",\"email\":\"ana@example.com\",\"role\":\"OWNER\"}");
    }

    @Test
    void aRequiredPropertyWithoutAnExample_failsNamingTheOperationAndTheProperty() {
        String withoutEmailExample = document("""
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}""")
                .replace(", \"examples\": [\"ana@example.com\"]", "");

        assertThatThrownBy(() -> PublishedExamples.from(withoutEmailExample))
                .hasMessageContaining("POST /people/{teamId}: no example for its request body, nor for [email]");
    }

    @Test
    void anExampleItsOwnSchemaRefuses_fails() {
        String badEmail = document("""
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"},
                  "example": {"name": "Bo", "email": "not an email"}}}""");

        assertThatThrownBy(() -> PublishedExamples.from(badEmail))
                .hasMessageContaining("POST /people/{teamId}: its example")
                .hasMessageContaining("email");
    }

    @Test
    void everyRefusedExample_isReportedWithWhatTheServiceAnswered() {
        List<RequestExample> examples = PublishedExamples.from(document("""
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Person"}}}"""));

        assertThatThrownBy(() -> PublishedExamples.assertEachAccepted(examples,
                example -> new PublishedExamples.Answer(400, "{\"detail\": \"email is taken\"}")))
                .hasMessageContaining("POST /people/{teamId}").hasMessageContaining("400").hasMessageContaining("taken");
        PublishedExamples.assertEachAccepted(examples, example -> new PublishedExamples.Answer(201, ""));
    }

    @Test
    void anExcusedOperation_needsNoExample_andIsNotSent() {
        String withoutExample = document("""
                "content": {"application/json": {"schema": {"type": "string"}}}""");

        assertThatThrownBy(() -> PublishedExamples.from(withoutExample)).hasMessageContaining("POST /people/{teamId}");
        assertThat(PublishedExamples.from(withoutExample, Map.of("POST /people/{teamId}", "a signed payload",
                "POST /not/merged/yet", "another branch adds it"))).isEmpty();
    }

    private static String document(String requestBody) {
        return """
                {"openapi": "3.1.0", "paths": {"/people/{teamId}": {
                  "get": {"responses": {}},
                  "post": {"requestBody": {%s}}}},
                %s}""".formatted(requestBody, COMPONENTS);
    }
}
