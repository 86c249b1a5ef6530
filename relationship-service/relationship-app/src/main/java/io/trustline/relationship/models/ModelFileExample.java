package io.trustline.relationship.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * The example of {@code POST /models}: the built-in model's own file under another name, so the example is a whole,
 * valid model file (the service refuses one missing any key) and never drifts from the built-in one.
 */
@OpenApiFilter
public class ModelFileExample implements OASFilter {

    static final String EXAMPLE_MODEL = "acme-custom";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        MediaType json = openAPI.getPaths().getPathItem("/models").getPOST().getRequestBody().getContent()
                .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        json.setExample(builtInUnderAnotherName());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> builtInUnderAnotherName() {
        try (InputStream file = ModelFileExample.class.getClassLoader().getResourceAsStream(ScoringModelFiles.DEFAULT_RESOURCE)) {
            Map<String, Object> model = new LinkedHashMap<>(new ObjectMapper(new YAMLFactory()).readValue(file, Map.class));
            model.put("model", EXAMPLE_MODEL);
            model.put("description", "The built-in trustline-default@1 under a name of your own: change its weights.");
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
