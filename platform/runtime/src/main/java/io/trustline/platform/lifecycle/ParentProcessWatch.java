package io.trustline.platform.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When a launcher started this service ({@code trustline.exit-with-parent-pid}), the service shuts down
 * gracefully once that process is gone, however it ended — so a killed launcher or test JVM leaves no
 * service holding its port. Not set in production, where an orchestrator owns the process.
 */
@ApplicationScoped
public class ParentProcessWatch {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    void watch(@Observes StartupEvent event,
               @ConfigProperty(name = "trustline.exit-with-parent-pid") Optional<Long> parentPid) {
        parentPid.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    LOG.warnf("launcher process %d is gone; shutting down", pid);
                    Quarkus.asyncExit();
                }),
                () -> {
                    LOG.warnf("launcher process %d is already gone; shutting down", pid);
                    Quarkus.asyncExit();
                }));
    }
}
