package io.trustline.relationship.models;

import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.problem.RuleViolationException;
import io.trustline.relationship.scoringmodel.TenantModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Asks for a tenant's active model to change; {@link ModelSwitchJob} does it in the background. */
@ApplicationScoped
class ModelSwitching {

    private final Clock clock = Clock.systemUTC();

    @Inject
    TenantModels models;
    @Inject
    ModelSwitches switches;
    @Inject
    ModelSwitchWorker worker;
    @Inject
    ModelSwitchJob job;

    /** Whether a switch runs now towards the model (false: it is already active and nothing runs). */
    boolean request(String tenantId, String modelId) {
        if (models.byId(tenantId, modelId).isEmpty()) {
            throw new InvalidFieldException("modelId", "'" + modelId + "' is not a model your tenant knows; known: "
                    + String.join(", ", models.knownIds(tenantId)) + ".");
        }
        ModelSwitch running = switches.latest(tenantId).filter(ModelSwitch::running).orElse(null);
        if (running == null && modelId.equals(models.activeModelId(tenantId))) {
            return false;
        }
        if (running == null) {
            running = switches.start(tenantId, models.activeModelId(tenantId), modelId, clock.instant(), worker.owner(),
                    job.lease());
        }
        if (!running.targetModelId().equals(modelId)) {
            throw new RuleViolationException("A switch to '" + running.targetModelId() + "' is in progress; ask for '"
                    + modelId + "' once it is done (GET /models/active).");
        }
        worker.nudge();
        return true;
    }

    ActiveModelStatus status(String tenantId) {
        return new ActiveModelStatus(models.activeModelId(tenantId), switches.latest(tenantId).orElse(null));
    }
}
