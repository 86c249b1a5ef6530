package io.trustline.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.incident.api.IncidentTopics;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.notification.api.NotificationTopics;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.manifests.ManifestValidator.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The cluster manifests and the Compose file as CI sees them: valid against their schemas and each other, and the
 * validator proven able to fail — each broken example is validated together with the real manifests, so the only
 * problems are the example's own, each named by file, resource and field.
 */
class DeploymentManifestsTest {

    private static final Path KUBERNETES = ManifestValidator.DEPLOY.resolve("kubernetes");
    private static final Path COMPOSE = ManifestValidator.DEPLOY.resolve("compose");
    private static final Path BROKEN = Path.of("src/test/resources");

    @Test
    void theClusterManifestsAndTheComposeFile_areValid() {
        Verdict verdict = ManifestValidator.validate(KUBERNETES, COMPOSE);

        assertThat(verdict.output()).startsWith("valid: ");
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void everyTopicTheServicesPublishOrDeadLetterTo_isDeclaredWithReplicationThree() throws IOException {
        String topics = Files.readString(KUBERNETES.resolve("kafka/topics.yaml"));
        Matcher names = Pattern.compile("(?m)^  name: (\\S+)$").matcher(topics);
        Set<String> declared = names.results().map(match -> match.group(1)).collect(Collectors.toSet());

        assertThat(declared).containsExactlyInAnyOrder(
                IntakeTopics.EVENTS, IntakeTopics.DEAD_LETTERS, IncidentTopics.EVENTS, IncidentTopics.DEAD_LETTERS,
                RelationshipTopics.EVENTS, RelationshipTopics.DEAD_LETTERS,
                NotificationTopics.EVENTS, NotificationTopics.DEAD_LETTERS);
        assertThat(topics.split("\n---\n")).allSatisfy(topic -> assertThat(topic)
                .contains("  replicas: 3\n").contains("    min.insync.replicas: 2\n"));
    }

    @Test
    void aDeploymentWithAWordForReplicasAndAMisspeltProbe_isRefused_namingFileAndFields() {
        Verdict verdict = ManifestValidator.validate(KUBERNETES, BROKEN.resolve("broken/deployment-with-wrong-types.yaml"));

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(problems(verdict)).containsExactlyInAnyOrder(
                "deployment-with-wrong-types.yaml: Deployment/broken: spec.replicas must be integer",
                "deployment-with-wrong-types.yaml: Deployment/broken: "
                        + "spec.template.spec.containers[0].readinesProbe is not a known field");
    }

    @Test
    void aTopicWithNegativePartitionsAndAnUnknownField_isRefused_namingFileAndFields() {
        Verdict verdict = ManifestValidator.validate(KUBERNETES, BROKEN.resolve("broken/topic-with-negative-partitions.yaml"));

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(problems(verdict)).containsExactlyInAnyOrder(
                "topic-with-negative-partitions.yaml: KafkaTopic/trustline.broken.v1: spec.partitions must be >= 1",
                "topic-with-negative-partitions.yaml: KafkaTopic/trustline.broken.v1: spec.retention is not a known field");
    }

    @Test
    void referencesToUndeclaredPortsKeysTopicsAndDeployments_areRefused() {
        Verdict verdict = ManifestValidator.validate(KUBERNETES, BROKEN.resolve("broken/dangling-references.yaml"));

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(problems(verdict)).containsExactlyInAnyOrder(
                "dangling-references.yaml: Deployment/dangling: spec.template.spec.containers[0].env[0] "
                        + "names key webhook-secret-key of Secret trustline-secrets, which it does not have",
                "dangling-references.yaml: Deployment/dangling: spec.template.spec.containers[0].livenessProbe.port "
                        + "is 9000, which is not a containerPort of dangling",
                "dangling-references.yaml: ScaledObject/dangling: spec.scaleTargetRef.name "
                        + "names danglng, which no Deployment or StatefulSet is",
                "dangling-references.yaml: ScaledObject/dangling: spec.triggers[0].metadata.topic "
                        + "names trustline.intake.v2, which no KafkaTopic declares");
    }

    @Test
    void aComposeFileWithAnUnknownKeyAndAMissingDependency_isRefused() {
        Verdict verdict = ManifestValidator.validate(BROKEN.resolve("broken-compose/compose.yaml"));

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(problems(verdict)).containsExactlyInAnyOrder(
                "compose.yaml: compose: services.intake.restart_policy is not a known field",
                "compose.yaml: service intake: depends_on names kafka, which is not a service of this file");
    }

    /** The validator's problem lines, each from the file's name on (its path depends on the checkout). */
    private static List<String> problems(Verdict verdict) {
        return verdict.output().lines()
                .filter(line -> line.contains(".yaml: "))
                .map(line -> line.substring(line.lastIndexOf('/', line.indexOf(".yaml: ")) + 1))
                .toList();
    }
}
