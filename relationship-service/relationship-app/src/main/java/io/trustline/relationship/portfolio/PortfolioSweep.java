package io.trustline.relationship.portfolio;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every {@code trustline.portfolio.sweep-every}, re-assesses the clients whose assessment has gone stale, a batch at
 * a time until none is left. A plain scheduled thread: the Quarkus scheduler is not among our dependencies, and one
 * periodic task does not need it.
 */
@ApplicationScoped
class PortfolioSweep {

    private static final Logger LOG = Logger.getLogger(PortfolioSweep.class);
    private static final int BATCH = 100;

    @Inject
    Portfolio portfolio;
    @ConfigProperty(name = "trustline.portfolio.sweep-every", defaultValue = "PT5M")
    Duration every;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "portfolio-sweep");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweep() {
        try {
            while (portfolio.reassessStale(BATCH) == BATCH) {
                // more may be stale: the next batch starts with the oldest assessment left
            }
        } catch (RuntimeException e) {
            // an outage or a client that cannot be scored: the stale entries stay stale and the next sweep tries again
            LOG.warnf(e, "portfolio sweep stopped; retrying in %s", every);
        }
    }
}
