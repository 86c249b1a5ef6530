package io.trustline.relationship.moments;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Puts "exactly one of csat and nps" into the schema of {@link RecordFeedbackRequest} as a {@code oneOf}: no
 * Bean Validation annotation renders it, and a rule clients cannot read in the schema is a rule they learn by 400s.
 */
public class OneFeedbackScore implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema feedback = openAPI.getComponents().getSchemas().get(RecordFeedbackRequest.class.getSimpleName());
        feedback.setOneOf(List.of(OASFactory.createSchema().addRequired("csat"),
                OASFactory.createSchema().addRequired("nps")));
        feedback.setDescription("Exactly one of csat and nps.");
    }
}
