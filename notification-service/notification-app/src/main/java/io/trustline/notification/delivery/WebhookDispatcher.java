package io.trustline.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.trustline.notification.webhooks.WebhookEndpointDetails;
import io.trustline.notification.webhooks.WebhookEndpointsProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code trustline.webhooks.delivery.poll-interval} (and at once after an enqueue here), claims endpoints with a
 * delivery due, as many as there are free workers, and runs each endpoint's due deliveries on its own worker, one
 * attempt at a time. Endpoints are independent: a slow or failing one holds at most its own worker for one attempt,
 * and its retries wait in MongoDB, not in a thread.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final String owner = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private Semaphore freeWorkers;

    @Inject
    WebhookDeliverySettings settings;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    DeliveryAttempts attempts;
    @Inject
    WebhookEndpointsProjection endpoints;

    void start(@Observes StartupEvent started) {
        poller = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poll"));
        workers = Executors.newFixedThreadPool(settings.workers(), daemon("webhook-delivery"));
        freeWorkers = new Semaphore(settings.workers());
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::claimDueEndpoints, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        poller.shutdownNow();
        workers.shutdownNow();
    }

    /** Looks for due endpoints now rather than at the next poll. */
    void nudge() {
        try {
            poller.execute(this::claimDueEndpoints);
        } catch (RejectedExecutionException stopping) {
            // shutting down: the work stays in MongoDB
        }
    }

    private void claimDueEndpoints() {
        try {
            while (freeWorkers.tryAcquire()) {
                if (!claimOne()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the next poll tries again; a scheduled task that throws would never run again
            LOG.warn("looking for webhook deliveries due failed", e);
        }
    }

    /**
     * With one worker's permit held: claims a due endpoint and hands it to that worker. Returns false, the permit
     * given back, when nothing is due; on any failure the permit is given back too, or a few failed claims (MongoDB
     * briefly away) would leave the dispatcher with no workers until a restart.
     */
    private boolean claimOne() {
        boolean handedOver = false;
        try {
            Instant now = clock.instant();
            Optional<EndpointQueue> claimed = deliveries.claimDue(owner, now, settings.lease());
            if (claimed.isEmpty()) {
                return false;
            }
            workers.execute(() -> {
                try {
                    run(claimed.get(), now);
                } finally {
                    freeWorkers.release();
                }
            });
            handedOver = true;
            return true;
        } finally {
            if (!handedOver) {
                freeWorkers.release();
            }
        }
    }

    private void run(EndpointQueue queue, Instant claimedAt) {
        Instant stopBy = claimedAt.plus(settings.lease().dividedBy(2));
        try {
            if (!queue.backfilled() && endpoints.find(queue.tenantId(), queue.endpointId())
                    .map(endpoint -> endpoint.backfillFrom() != null).orElse(false)) {
                // held: its backfill makes it due once every past event is enqueued ahead of the live ones
                deliveries.release(queue, owner, WebhookDeliveries.IDLE);
                return;
            }
            Instant failingSince = queue.failingSince();
            List<QueuedDelivery> due = deliveries.dueHeads(queue.endpointId(), clock.instant());
            while (!due.isEmpty()) {
                for (QueuedDelivery delivery : due) {
                    if (clock.instant().isAfter(stopBy)) {
                        deliveries.release(queue, owner, Date.from(clock.instant()));
                        return;
                    }
                    // read before every attempt, so its tenant's change (URL, disabling, deletion) applies to the next one
                    Optional<WebhookEndpointDetails> endpoint = endpoints.find(queue.tenantId(), queue.endpointId());
                    if (endpoint.isEmpty() || endpoint.get().isDisabled()) {
                        // held, not failed: enabling it makes the queue due again; a deletion drops the deliveries
                        deliveries.release(queue, owner, WebhookDeliveries.IDLE);
                        return;
                    }
                    DeliveryAttempts.Result result = attempts.attempt(endpoint.get(), delivery, failingSince);
                    if (result.endpointDisabled()) {
                        deliveries.release(queue, owner, WebhookDeliveries.IDLE);
                        return;
                    }
                    failingSince = result.failingSince();
                }
                due = deliveries.dueHeads(queue.endpointId(), clock.instant());
            }
            deliveries.release(queue, owner, deliveries.nextDue(queue.endpointId()));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the claim runs out and this endpoint is tried again; nothing is lost, it is all in MongoDB
            LOG.warnf(e, "delivering to webhook endpoint %s failed", queue.endpointId());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
