package io.trustline.infra.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The root of the Trustline checkout, where the packaged infra and services are found. */
public final class TrustlineHome {

    public static final String PROPERTY = "trustline.home";
    public static final String ENVIRONMENT_VARIABLE = "TRUSTLINE_HOME";

    private TrustlineHome() {
    }

    /**
     * From {@code -Dtrustline.home}, else {@code TRUSTLINE_HOME}, else the nearest ancestor of the working
     * directory holding {@code platform/infra/pom.xml}.
     */
    public static Path locate() {
        for (String configured : new String[] {System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE)}) {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured).toAbsolutePath().normalize();
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("platform/infra/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Trustline checkout from " + Path.of("").toAbsolutePath()
                + ": set -D" + PROPERTY + " or " + ENVIRONMENT_VARIABLE);
    }

    /** Classpath of the infra JVMs; fails with a hint when the module was not packaged. */
    static String infraClasspath(Path home) {
        Path target = home.resolve("platform/infra/target");
        if (!Files.isDirectory(target.resolve("lib")) || !Files.isDirectory(target.resolve("classes"))) {
            throw new IllegalStateException(target + " has no lib/ and classes/: run ./mvnw package first"
                    + " (./mvnw -q -B -pl platform/infra package -DskipTests is enough)");
        }
        return target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }
}
