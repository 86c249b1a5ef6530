package io.trustline.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code validator/validate.mjs} with the npm packages pinned in {@code validator/package-lock.json}, installed
 * with {@code npm ci} into {@code target/validator/} the first time and reused until the lock file changes (the
 * pattern of the AsyncAPI CLI in platform/testkit). Needs {@code node} and {@code npm} on the PATH
 * ({@code deploy/setup-tools.sh}) and, for the first install only, the npm registry or npm's own cache.
 */
final class ManifestValidator {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path DEPLOY = MODULE.getParent();
    static final Path CRD_SCHEMAS = DEPLOY.resolve("kubernetes/schemas");
    static final Path COMPOSE_SCHEMA = DEPLOY.resolve("compose/compose-spec.schema.json");

    private static final Path SOURCE = MODULE.resolve("validator");
    private static final Path INSTALLATION = MODULE.resolve("target/validator");
    private static final List<String> LOCKED = List.of("package.json", "package-lock.json");
    private static final long INSTALL_TIMEOUT_MINUTES = 10;
    private static final long VALIDATE_TIMEOUT_MINUTES = 2;

    private static boolean installed;

    private ManifestValidator() {
    }

    /** What the validator said about these files and directories, and its exit code (0: all valid). */
    record Verdict(int exitCode, String output) {
    }

    static Verdict validate(Path... paths) {
        install();
        List<String> command = new ArrayList<>(List.of("node", INSTALLATION.resolve("validate.mjs").toString(),
                "--crd-schemas", CRD_SCHEMAS.toString(), "--compose-schema", COMPOSE_SCHEMA.toString()));
        for (Path path : paths) {
            command.add(path.toAbsolutePath().toString());
        }
        return run(DEPLOY, command, VALIDATE_TIMEOUT_MINUTES);
    }

    private static synchronized void install() {
        try {
            Files.createDirectories(INSTALLATION);
            // the script is copied each time: node resolves its imports from where it lies, beside node_modules
            Files.copy(SOURCE.resolve("validate.mjs"), INSTALLATION.resolve("validate.mjs"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (installed) {
                return;
            }
            // two builds of one checkout at once must not install into each other
            try (FileChannel channel = FileChannel.open(INSTALLATION.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.isDirectory(INSTALLATION.resolve("node_modules")) || !sameLockedFiles()) {
                    for (String file : LOCKED) {
                        Files.copy(SOURCE.resolve(file), INSTALLATION.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                    // --prefer-offline: packages in npm's own cache (~/.npm) are used without asking the registry
                    Verdict npm = run(INSTALLATION, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
                            "--loglevel=error"), INSTALL_TIMEOUT_MINUTES);
                    if (npm.exitCode() != 0) {
                        Files.deleteIfExists(INSTALLATION.resolve("package-lock.json"));
                        throw new AssertionError("npm ci of " + SOURCE + " failed (exit " + npm.exitCode() + "):\n"
                                + npm.output());
                    }
                }
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the manifest validator into " + INSTALLATION, e);
        }
    }

    private static boolean sameLockedFiles() throws IOException {
        for (String file : LOCKED) {
            Path copy = INSTALLATION.resolve(file);
            if (!Files.exists(copy) || Files.mismatch(SOURCE.resolve(file), copy) != -1) {
                return false;
            }
        }
        return true;
    }

    private static Verdict run(Path dir, List<String> command, long timeoutMinutes) {
        try {
            Path output = Files.createTempFile(INSTALLATION, "run-", ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutMinutes
                        + " min:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Verdict(process.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("the manifest validator needs node and npm on the PATH "
                    + "(deploy/setup-tools.sh): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
