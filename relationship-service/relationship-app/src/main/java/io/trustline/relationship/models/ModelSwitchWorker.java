package io.trustline.relationship.models;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On every instance, one thread that looks for a switch to run (every {@code trustline.models.switch-poll},
 * default 1 s, and at once when a switch is asked for here) and runs it while it holds its lease
 * ({@code trustline.models.switch-lease}, default 30 s, renewed after every client); when another instance runs
 * it, a slice of its clients to rescore.
 */
@ApplicationScoped
class ModelSwitchWorker {

    private static final Logger LOG = Logger.getLogger(ModelSwitchWorker.class);

    private final String owner = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;

    @Inject
    ModelSwitches switches;
    @Inject
    ModelSwitchJob job;
    @Inject
    RescoringSlices slices;
    @ConfigProperty(name = "trustline.models.switch-poll", defaultValue = "PT1S")
    Duration poll;

    void start(@Observes StartupEvent started) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "model-switch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOne, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        executor.shutdownNow();
    }

    /** Who this instance is, in the leases it holds. */
    String owner() {
        return owner;
    }

    /** Looks for work now rather than at the next poll. */
    void nudge() {
        executor.execute(this::runOne);
    }

    private void runOne() {
        try {
            Optional<String> tenantId = switches.claim(owner, clock.instant(), job.lease());
            if (tenantId.isPresent()) {
                job.run(tenantId.get(), owner);
            } else {
                // another instance runs the switch: rescore slices of its clients while there are any to claim
                Optional<RescoringSlices.Slice> slice = slices.claim(owner, clock.instant(), job.lease());
                while (slice.isPresent() && job.runSlice(slice.get(), owner)) {
                    slice = slices.claim(owner, clock.instant(), job.lease());
                }
            }
        } catch (RuntimeException e) {
            // the next poll tries again; a scheduled task that throws would never run again
            LOG.warn("looking for a model switch to run failed", e);
        }
    }
}
