package io.trustline.testkit.asyncapi;

import io.trustline.infra.launcher.TrustlineHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AsyncAPI CLI ({@code @asyncapi/cli}, pinned with its whole tree in {@code platform/testkit/asyncapi-cli/}),
 * installed with {@code npm ci} into {@code target/asyncapi-cli/} of the checkout the first time a test asks for it
 * and reused until that lock file changes, so a fresh clone installs it once per build (about 100 s) and
 * {@code ./mvnw clean} removes it. Needs {@code node} and {@code npm} on the PATH and the npm registry.
 */
public final class AsyncApiCli {

    private static final String PROJECT = "platform/testkit/asyncapi-cli";
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json");
    private static final long INSTALL_TIMEOUT_MINUTES = 15;
    private static final long VALIDATE_TIMEOUT_MINUTES = 3;

    private static Path installed;

    private AsyncApiCli() {
    }

    /**
     * Runs {@code asyncapi validate} on the document and fails with the CLI's report when it finds an error or a
     * warning; information and hints (such as a newer AsyncAPI version existing) do not fail it.
     */
    public static void assertValid(Path document) {
        Path cli = cli();
        Result result = run(installation(), List.of(cli.toString(), "validate",
                document.toAbsolutePath().toString(), "--fail-severity", "warn", "--diagnostics-format", "text"),
                VALIDATE_TIMEOUT_MINUTES);
        if (result.exitCode() != 0) {
            throw new AssertionError("asyncapi validate " + document + " found problems (exit " + result.exitCode()
                    + "):\n" + result.output());
        }
    }

    private static Path installation() {
        return TrustlineHome.locate().resolve("target/asyncapi-cli");
    }

    /** The {@code asyncapi} executable, installed first when missing or installed from another lock file. */
    static synchronized Path cli() {
        if (installed != null) {
            return installed;
        }
        Path project = TrustlineHome.locate().resolve(PROJECT);
        Path dir = installation();
        Path cli = dir.resolve("node_modules/.bin/asyncapi");
        try {
            Files.createDirectories(dir);
            // two builds of one checkout at once must not install into each other
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.isExecutable(cli) || !sameFiles(project, dir)) {
                    install(project, dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the AsyncAPI CLI into " + dir, e);
        }
        installed = cli;
        return cli;
    }

    private static void install(Path project, Path dir) throws IOException {
        for (String file : PROJECT_FILES) {
            Files.copy(project.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // --prefer-offline: the packages in npm's own cache (~/.npm) are used without asking the registry again
        Result npm = run(dir, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"),
                INSTALL_TIMEOUT_MINUTES);
        if (npm.exitCode() != 0) {
            Files.deleteIfExists(dir.resolve("package-lock.json"));
            throw new AssertionError("npm ci of " + PROJECT + " failed (exit " + npm.exitCode() + "):\n" + npm.output());
        }
        // without this the CLI tries to send usage metrics on every run and waits for the network to refuse
        Result analytics = run(dir, List.of(dir.resolve("node_modules/.bin/asyncapi").toString(), "config",
                "analytics", "--disable"), VALIDATE_TIMEOUT_MINUTES);
        if (analytics.exitCode() != 0) {
            throw new AssertionError("asyncapi config analytics --disable failed:\n" + analytics.output());
        }
    }

    private static boolean sameFiles(Path project, Path dir) throws IOException {
        for (String file : PROJECT_FILES) {
            Path copy = dir.resolve(file);
            if (!Files.exists(copy) || Files.mismatch(project.resolve(file), copy) != -1) {
                return false;
            }
        }
        return true;
    }

    private static Result run(Path dir, List<String> command, long timeoutMinutes) {
        boolean npm = command.get(0).equals("npm");
        try {
            Path output = Files.createTempFile(dir, "run-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (!npm) {
                // the CLI keeps its settings (analytics off) under HOME: one of its own, beside the installation;
                // npm keeps the user's HOME for its registry settings and download cache
                Files.createDirectories(dir.resolve("home"));
                builder.environment().put("HOME", dir.resolve("home").toString());
                builder.environment().put("SUPPRESS_NO_CONFIG_WARNING", "true");
            }
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutMinutes
                        + " min:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            if (npm) {
                throw new AssertionError("the AsyncAPI CLI needs node and npm on the PATH "
                        + "(Debian: apt-get install nodejs npm): " + e.getMessage(), e);
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
