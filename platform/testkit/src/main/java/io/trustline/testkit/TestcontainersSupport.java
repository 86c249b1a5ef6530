package io.trustline.testkit;

import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;

/**
 * Runs Testcontainers code with Testcontainers' own class loader as the context class loader: Quarkus runs
 * tests under its own loader, and Testcontainers finds its Docker client strategies through the context one.
 */
final class TestcontainersSupport {

    private TestcontainersSupport() {
    }

    static boolean dockerAvailable() {
        return call(() -> DockerClientFactory.instance().isDockerAvailable());
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DockerClientFactory.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
