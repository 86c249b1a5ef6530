package io.trustline.notification.archive;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code purge-interval}, removes the archived events older than {@code retention}. Each instance runs it
 * without coordinating: a purge is one delete by a time condition, so two at once remove the same events once and
 * a missed one is made up by the next.
 */
@ApplicationScoped
class ArchivePurge {

    private static final Logger LOG = Logger.getLogger(ArchivePurge.class);

    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    @Inject
    ArchiveSettings settings;
    @Inject
    EventArchive archive;

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-archive-purge");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.purgeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        timer.shutdownNow();
    }

    private void purge() {
        try {
            long removed = archive.purgeBefore(clock.instant().minus(settings.retention()));
            if (removed > 0) {
                LOG.debugf("removed %d archived events older than %s", removed, settings.retention());
            }
        } catch (RuntimeException e) {
            // the next run tries again; a scheduled task that throws would never run again
            LOG.warn("purging the webhook event archive failed", e);
        }
    }
}
