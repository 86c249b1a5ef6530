package io.trustline.testkit.npm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A tool the tests run with node, pinned with its whole tree by the {@code package.json} and
 * {@code package-lock.json} of a directory in the checkout, and installed with {@code npm ci} into a directory under
 * {@code target/} the first time a test asks for it; reused until those files change, so a fresh clone installs it
 * once per build and {@code ./mvnw clean} removes it. Needs {@code node} and {@code npm} on the PATH and, for an
 * install, the npm registry or npm's own cache ({@code ~/.npm}).
 */
public final class NpmProject {

    private static final List<String> LOCKED = List.of("package.json", "package-lock.json");

    private final Path source;
    private final Path installation;
    private final String toolsHint;
    private boolean installed;

    /**
     * @param toolsHint where to read how node and npm are installed, for the failure when they are not
     */
    public NpmProject(Path source, Path installation, String toolsHint) {
        this.source = source;
        this.installation = installation;
        this.toolsHint = toolsHint;
    }

    /**
     * The installation, installed first when missing or installed from other locked files; {@code afterInstall} runs
     * on the installation once after an install, in the first of several builds of the checkout running at once.
     */
    public synchronized Path install(Duration timeout, Consumer<Path> afterInstall) {
        if (installed) {
            return installation;
        }
        try {
            Files.createDirectories(installation);
            // two builds of one checkout at once must not install into each other
            try (FileChannel channel = FileChannel.open(installation.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.isDirectory(installation.resolve("node_modules")) || !sameLockedFiles()) {
                    for (String file : LOCKED) {
                        Files.copy(source.resolve(file), installation.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                    // --prefer-offline: packages in npm's own cache are used without asking the registry again
                    Result npm = run(installation, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
                            "--loglevel=error"), Map.of(), timeout);
                    if (npm.exitCode() != 0) {
                        // so that the next attempt installs again
                        Files.deleteIfExists(installation.resolve("package-lock.json"));
                        throw new AssertionError("npm ci of " + source + " failed (exit " + npm.exitCode() + "):\n"
                                + npm.output());
                    }
                    afterInstall.accept(installation);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + source + " into " + installation, e);
        }
        installed = true;
        return installation;
    }

    /**
     * Runs {@code command} in {@code dir} with {@code environment} added to this process's, and answers its exit code
     * and output (standard output and error together). Fails when it runs longer than {@code timeout}.
     */
    public Result run(Path dir, List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Files.createDirectories(installation);
            Path output = Files.createTempFile(installation, "run-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": node and npm must be on the PATH ("
                    + toolsHint + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private boolean sameLockedFiles() throws IOException {
        for (String file : LOCKED) {
            Path copy = installation.resolve(file);
            if (!Files.exists(copy) || Files.mismatch(source.resolve(file), copy) != -1) {
                return false;
            }
        }
        return true;
    }

    /** What a command printed, and its exit code (0: success). */
    public record Result(int exitCode, String output) {
    }
}
