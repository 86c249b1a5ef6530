package io.trustline.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresInfra}. */
final class InfraAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TrustlineInfraResource.usesContainers()) {
            return ConditionEvaluationResult.enabled("local broker and Mongo stand-in, no Docker needed");
        }
        return TestcontainersSupport.dockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker is available for Testcontainers")
                : ConditionEvaluationResult.disabled("-D" + TrustlineInfraResource.MODE_PROPERTY
                        + "=containers, but no Docker environment is available; run without it to use the local broker and Mongo stand-in");
    }
}
