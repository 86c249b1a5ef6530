package io.trustline.relationship.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoringmodel.KnownModel;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A model as the API shows it.
 *
 * @param storedAt when your tenant stored it; absent for the built-in and the configured model
 * @param content  the whole model, as it scores (only when one model is asked for)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelView(
        @Schema(description = "name@version", example = "acme-strict@2") String id,
        String name,
        int version,
        String description,
        @Schema(description = "BUILT_IN: trustline-default@1; CONFIGURED: the service's model file; STORED: stored by "
                + "your tenant") KnownModel.Source source,
        Instant storedAt,
        @Schema(description = "Whether it scores your clients now") boolean active,
        @Schema(description = "The model file's keys and values, as stored") ScoringModel content) {

    static ModelView summary(KnownModel known) {
        ScoringModel model = known.model();
        return new ModelView(model.id(), model.model(), model.version(), model.description(), known.source(),
                known.storedAt(), known.active(), null);
    }

    static ModelView details(KnownModel known) {
        ScoringModel model = known.model();
        return new ModelView(model.id(), model.model(), model.version(), model.description(), known.source(),
                known.storedAt(), known.active(), model);
    }
}
