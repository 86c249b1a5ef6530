package io.trustline.console.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The console's copy of the services' {@code platform.lifecycle.ParentProcessWatch}: when a launcher started it
 * ({@code trustline.exit-with-parent-pid}), it shuts down once the launcher is gone (its stdin closes). Copied, not
 * shared, because the platform runtime it lives in brings Axon and Kafka, which the console does not use.
 */
@ApplicationScoped
public class ParentProcessWatch {

    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    private final AtomicBoolean leaving = new AtomicBoolean();

    void watch(@Observes StartupEvent event,
               @ConfigProperty(name = "trustline.exit-with-parent-pid") Optional<Long> parentPid) {
        parentPid.ifPresent(pid -> {
            watchStdin(pid);
            ProcessHandle.of(pid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> leave(pid, "is gone")),
                    () -> leave(pid, "is already gone"));
        });
    }

    private void watchStdin(long pid) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // the launcher never writes; any bytes are ignored
                }
            } catch (IOException e) {
                LOG.warnf("stdin from launcher process %d failed: %s", pid, e);
            }
            leave(pid, "closed the console's stdin: it is gone");
        }, "parent-process-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void leave(long pid, String how) {
        if (!leaving.compareAndSet(false, true)) {
            return;
        }
        LOG.warnf("launcher process %d %s; shutting down", pid, how);
        CompletableFuture.delayedExecutor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> Runtime.getRuntime().halt(1));
        Quarkus.asyncExit();
    }
}
