package io.trustline.notification.replays;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trustline.notification.archive.ArchivePosition;
import io.trustline.notification.archive.ArchivedEvent;
import io.trustline.notification.archive.EventArchive;
import io.trustline.notification.delivery.PastEventDeliveries;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code trustline.webhooks.replays.poll-interval} (and at once when one is asked for), takes up unfinished
 * replays and backfills one at a time and enqueues their events page by page, in (event time, event id) order,
 * recording its progress after each page. A page enqueued again after a crash enqueues nothing twice (deliveries
 * are keyed by endpoint, event and replay), so nothing accepted is lost and nothing is sent twice by it.
 */
@ApplicationScoped
class ReplayWorker {

    private static final Logger LOG = Logger.getLogger(ReplayWorker.class);

    private final String owner = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService runner;

    @Inject
    ReplaySettings settings;
    @Inject
    ReplayJobs jobs;
    @Inject
    EventArchive archive;
    @Inject
    WebhookEndpointsProjection endpoints;
    @Inject
    PastEventDeliveries deliveries;

    void start(@Observes StartupEvent started) {
        runner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-replays");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.pollInterval().toMillis();
        runner.scheduleWithFixedDelay(this::runUnfinished, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        runner.shutdownNow();
    }

    /** Looks for unfinished replays now rather than at the next poll. */
    void nudge() {
        try {
            runner.execute(this::runUnfinished);
        } catch (RejectedExecutionException stopping) {
            // shutting down: the replay stays in MongoDB
        }
    }

    private void runUnfinished() {
        try {
            Optional<ReplayJob> claimed;
            while ((claimed = jobs.claim(owner, clock.instant(), settings.lease())).isPresent()) {
                run(claimed.get());
            }
        } catch (RuntimeException e) {
            // the lease runs out and the replay is taken up again where its last recorded page ended
            LOG.warn("enqueueing webhook replays failed", e);
        }
    }

    private void run(ReplayJob job) {
        Instant giveBackAt = clock.instant().plus(settings.lease().dividedBy(2));
        Optional<WebhookEndpointDetails> found = job.backfill()
                // only once deliveries see the endpoint: an event they enqueued without it is in the archive by then
                ? endpoints.listed(job.tenantId(), job.endpointId())
                : endpoints.find(job.tenantId(), job.endpointId());
        if (found.isEmpty()) {
            if (job.backfill()) {
                // not listed yet; a deleted endpoint's backfill is cancelled (BackfillScheduler), not waited for
                jobs.release(job, owner, clock.instant().plus(settings.pollInterval()));
            } else {
                jobs.finish(job, owner, null, 0, ReplayStatus.CANCELLED, "the webhook endpoint was deleted",
                        clock.instant());
            }
            return;
        }
        WebhookEndpointDetails endpoint = found.get();
        ArchivePosition after = job.after();
        while (true) {
            List<ArchivedEvent> page = archive.page(job.tenantId(), endpoint.eventTypes(), endpoint.clientIds(),
                    job.since(), job.until(), after, settings.pageSize());
            long enqueued = 0;
            for (ArchivedEvent event : page) {
                if (deliveries.admits(endpoint, event)) {
                    deliveries.enqueue(endpoint, event, job.deliveriesReplayId());
                    enqueued++;
                }
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).position();
            }
            if (page.size() < settings.pageSize()) {
                if (job.backfill()) {
                    // before the replay is recorded as finished: a crash in between repeats this, harmlessly
                    deliveries.backfillEnqueued(job.tenantId(), job.endpointId());
                }
                jobs.finish(job, owner, after, enqueued, ReplayStatus.ENQUEUED, null, clock.instant());
                deliveries.nudge();
                return;
            }
            if (!jobs.advance(job, owner, after, enqueued, clock.instant().plus(settings.lease()))) {
                return;
            }
            deliveries.nudge();
            if (clock.instant().isAfter(giveBackAt)) {
                // other replays get their turn; this one is taken up again at a next poll, where it stopped
                jobs.release(job, owner, clock.instant().plus(settings.pollInterval()));
                return;
            }
        }
    }
}
