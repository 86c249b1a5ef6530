package io.trustline.testkit.asyncapi;

import io.trustline.infra.launcher.TrustlineHome;
import io.trustline.testkit.npm.NpmProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI CLI ({@code @asyncapi/cli}, pinned with its whole tree in {@code platform/testkit/asyncapi-cli/}),
 * an {@link NpmProject} installed into {@code target/asyncapi-cli/} of the checkout (about 100 s the first time).
 */
public final class AsyncApiCli {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration VALIDATE_TIMEOUT = Duration.ofMinutes(3);
    private static NpmProject project;

    private AsyncApiCli() {
    }

    /**
     * Runs {@code asyncapi validate} on the document and fails with the CLI's report when it finds an error or a
     * warning; information and hints (such as a newer AsyncAPI version existing) do not fail it.
     */
    public static void assertValid(Path document) {
        Path installation = project().install(INSTALL_TIMEOUT, AsyncApiCli::disableAnalytics);
        NpmProject.Result result = cli(installation, List.of("validate", document.toAbsolutePath().toString(),
                "--fail-severity", "warn", "--diagnostics-format", "text"));
        if (result.exitCode() != 0) {
            throw new AssertionError("asyncapi validate " + document + " found problems (exit " + result.exitCode()
                    + "):\n" + result.output());
        }
    }

    private static synchronized NpmProject project() {
        if (project == null) {
            Path home = TrustlineHome.locate();
            project = new NpmProject(home.resolve("platform/testkit/asyncapi-cli"), home.resolve("target/asyncapi-cli"),
                    "Debian: apt-get install nodejs npm");
        }
        return project;
    }

    // without this the CLI tries to send usage metrics on every run and waits for the network to refuse
    private static void disableAnalytics(Path installation) {
        NpmProject.Result analytics = cli(installation, List.of("config", "analytics", "--disable"));
        if (analytics.exitCode() != 0) {
            throw new AssertionError("asyncapi config analytics --disable failed:\n" + analytics.output());
        }
    }

    private static NpmProject.Result cli(Path installation, List<String> arguments) {
        // the CLI keeps its settings (analytics off) under HOME: one of its own, beside the installation; npm keeps
        // the user's HOME for its registry settings and download cache
        Path home = installation.resolve("home");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(installation.resolve("node_modules/.bin/asyncapi").toString()));
        command.addAll(arguments);
        return project().run(installation, command, Map.of("HOME", home.toString(), "SUPPRESS_NO_CONFIG_WARNING", "true"),
                VALIDATE_TIMEOUT);
    }
}
