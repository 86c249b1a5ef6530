package io.trustline.platform.lifecycle;

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
 * When a launcher started this service ({@code trustline.exit-with-parent-pid}), the service shuts down once that
 * process is gone, however it ended — so a killed launcher or test JVM leaves no service holding its port. Not set in
 * production, where an orchestrator owns the process.
 * <p>
 * The launcher holds this process's stdin pipe, and its end-of-file comes the moment the launcher ends: the pid
 * alone is noticed late (the JDK polls a process that is not its child, up to every 5 s) or never (a launcher its
 * own parent has not reaped yet still looks alive). The broker and the Mongo stand-in go with the launcher too, so a
 * graceful shutdown has nothing left to flush to and would wait on their timeouts, Mongo's 30 s per operation among
 * them: past {@link #SHUTDOWN_GRACE} the service halts.
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
            leave(pid, "closed this service's stdin: it is gone");
        }, "parent-process-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void leave(long pid, String how) {
        if (!leaving.compareAndSet(false, true)) {
            return;
        }
        LOG.warnf("launcher process %d %s; shutting down (halting if that takes over %d s)", pid, how,
                SHUTDOWN_GRACE.toSeconds());
        CompletableFuture.delayedExecutor(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            LOG.errorf("still shutting down %d s after launcher process %d went; halting", SHUTDOWN_GRACE.toSeconds(), pid);
            Runtime.getRuntime().halt(1);
        });
        Quarkus.asyncExit();
    }
}
