package io.trustline.infra.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the Trustline checkout, where the packaged infra and services are found. */
public final class TrustlineHome {

    private TrustlineHome() {
    }

    /** From {@code -Dtrustline.home}, else {@code TRUSTLINE_HOME}, else the nearest ancestor of the working directory holding {@code platform/infra/pom.xml}. */
    public static Path locate() {
        String configured = System.getProperty("trustline.home", System.getenv("TRUSTLINE_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("platform/infra/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Trustline checkout: set -Dtrustline.home or TRUSTLINE_HOME");
    }

    /** Classpath of the infra JVMs; fails with a hint when the module was not packaged. */
    static String infraClasspath(Path home) {
        Path infra = home.resolve("platform/infra/target");
        if (!Files.isDirectory(infra.resolve("lib")) || !Files.isDirectory(infra.resolve("classes"))) {
            throw new IllegalStateException(infra + " has no lib/ and classes/: run ./mvnw package first");
        }
        return infra.resolve("classes") + java.io.File.pathSeparator + infra.resolve("lib") + "/*";
    }
}
