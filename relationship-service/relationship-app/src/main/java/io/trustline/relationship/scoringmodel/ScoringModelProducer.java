package io.trustline.relationship.scoringmodel;

import io.quarkus.runtime.Startup;
import io.trustline.relationship.scoring.model.InvalidScoringModelException;
import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the scoring model when the service starts: the built-in {@code trustline-default@1}, or
 * the file named by {@code trustline.scoring.model-file}. An invalid file stops the start-up with
 * the file and the field named, rather than scoring with a model nobody meant. The live projection
 * scores with it through {@link ActiveModels}.
 */
@ApplicationScoped
public class ScoringModelProducer {

    private static final Logger LOG = Logger.getLogger(ScoringModelProducer.class);

    @Produces
    @Singleton
    @Startup(1) // before topic provisioning (10) and Axon (100): a bad file fails before anything connects
    ScoringModel scoringModel(@ConfigProperty(name = "trustline.scoring.model-file") Optional<String> modelFile) {
        return load(modelFile);
    }

    static ScoringModel load(Optional<String> modelFile) {
        ScoringModel builtIn = ScoringModelFiles.builtInDefault();
        ScoringModel model = modelFile.map(Path::of).map(ScoringModelFiles::fromFile).orElse(builtIn);
        if (model.id().equals(builtIn.id()) && !model.equals(builtIn)) {
            // timelines name their model: two different models under one name would make them lie
            throw new InvalidScoringModelException(modelFile.orElseThrow(), "it is named " + builtIn.id()
                    + " like the built-in model but its weights differ; give it another name or version");
        }
        LOG.infof("scoring model %s loaded from %s", model.id(),
                modelFile.orElse("classpath:" + ScoringModelFiles.DEFAULT_RESOURCE));
        return model;
    }
}
