package io.trustline.manifests;

import io.trustline.testkit.npm.NpmProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code validator/validate.mjs} with the npm packages pinned in {@code validator/package-lock.json}, an
 * {@link NpmProject} installed into {@code target/validator/}. Needs {@code node} and {@code npm} on the PATH
 * ({@code deploy/setup-tools.sh}).
 */
final class ManifestValidator {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path DEPLOY = MODULE.getParent();
    static final Path CRD_SCHEMAS = DEPLOY.resolve("kubernetes/schemas");
    static final Path COMPOSE_SCHEMA = DEPLOY.resolve("compose/compose-spec.schema.json");

    private static final Path SOURCE = MODULE.resolve("validator");
    private static final Path INSTALLATION = MODULE.resolve("target/validator");
    private static final NpmProject PROJECT = new NpmProject(SOURCE, INSTALLATION, "deploy/setup-tools.sh");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration VALIDATE_TIMEOUT = Duration.ofMinutes(2);

    private ManifestValidator() {
    }

    /** What the validator said about these files and directories, and its exit code (0: all valid). */
    record Verdict(int exitCode, String output) {
    }

    static Verdict validate(Path... paths) {
        PROJECT.install(INSTALL_TIMEOUT, installed -> {
        });
        try {
            // copied each time: node resolves the script's imports from where it lies, beside node_modules
            Files.copy(SOURCE.resolve("validate.mjs"), INSTALLATION.resolve("validate.mjs"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("node", INSTALLATION.resolve("validate.mjs").toString(),
                "--crd-schemas", CRD_SCHEMAS.toString(), "--compose-schema", COMPOSE_SCHEMA.toString()));
        for (Path path : paths) {
            command.add(path.toAbsolutePath().toString());
        }
        NpmProject.Result result = PROJECT.run(DEPLOY, command, Map.of(), VALIDATE_TIMEOUT);
        return new Verdict(result.exitCode(), result.output());
    }
}
