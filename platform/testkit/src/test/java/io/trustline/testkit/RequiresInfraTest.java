package io.trustline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtendWith;

class RequiresInfraTest {

    private final String previousMode = System.getProperty(TrustlineInfraResource.MODE_PROPERTY);

    @AfterEach
    void restoreMode() {
        if (previousMode == null) {
            System.clearProperty(TrustlineInfraResource.MODE_PROPERTY);
        } else {
            System.setProperty(TrustlineInfraResource.MODE_PROPERTY, previousMode);
        }
    }

    @Test
    void theAnnotation_appliesTheCondition() {
        assertThat(RequiresInfra.class.getAnnotation(ExtendWith.class).value()).containsExactly(InfraAvailableCondition.class);
    }

    @Test
    void inTheLocalMode_testsRunWithoutDocker() {
        System.clearProperty(TrustlineInfraResource.MODE_PROPERTY);

        ConditionEvaluationResult result = new InfraAvailableCondition().evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void inTheContainersMode_withoutDocker_testsAreSkippedWithTheReason() {
        assumeThat(TestcontainersSupport.dockerAvailable()).as("this machine has no Docker").isFalse();
        System.setProperty(TrustlineInfraResource.MODE_PROPERTY, "containers");

        ConditionEvaluationResult result = new InfraAvailableCondition().evaluateExecutionCondition(null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("containers").contains("no Docker environment"));
    }

    @Test
    void anUnknownMode_isRejectedRatherThanSilentlyRunningLocally() {
        System.setProperty(TrustlineInfraResource.MODE_PROPERTY, "kubernetes");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new InfraAvailableCondition().evaluateExecutionCondition(null))
                .hasMessageContaining("'local' or 'containers'");
    }
}
