package io.trustline.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

final class InfraAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TrustlineInfraResource.usesContainers()) {
            return ConditionEvaluationResult.enabled("local broker and Mongo stand-in");
        }
        return dockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker is available for Testcontainers")
                : ConditionEvaluationResult.disabled("-Dtrustline.infra=containers, but no Docker engine is reachable");
    }

    private static boolean dockerAvailable() {
        // Quarkus runs tests under its own class loader; Testcontainers' ServiceLoader must see its own classes
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DockerClientFactory.class.getClassLoader());
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
