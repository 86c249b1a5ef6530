package io.trustline.notification.delivery;

import io.cloudevents.jackson.JsonFormat;
import io.trustline.notification.signing.WebhookSigner;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.notification.targets.TargetRefused;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one place a delivery goes over HTTP: a POST of the structured CloudEvent, redirects not followed, the whole
 * attempt (connect, answer, body) bounded by the timeouts, at most {@code response-limit} bytes of the answer's
 * body read and thrown away — so one bad receiver cannot hold a worker for long.
 */
@ApplicationScoped
public class WebhookSender {

    /** Marks a delivery that a replay sends again; its value is the replay's id. Not signed, like any header. */
    public static final String REPLAY_ID = "trustline-replay-id";

    private final HttpClient http;
    private final TargetAddressGuard guard;
    private final WebhookSigner signer;
    private final Clock clock = Clock.systemUTC();
    private final Duration requestTimeout;
    private final int responseLimit;
    private final ScheduledExecutorService bodyDeadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-body-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    WebhookSender(WebhookDeliverySettings settings, TargetAddressGuard guard, WebhookSigner signer) {
        this.guard = guard;
        this.signer = signer;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = settings.requestTimeout();
        this.responseLimit = settings.responseLimit();
    }

    /**
     * POSTs {@code body}, the structured CloudEvent {@code eventId}, to the endpoint's {@code url}, signed for this
     * attempt with the endpoint's secrets, with {@value #REPLAY_ID} when a replay sends it again ({@code replayId}
     * not null). Never throws for the endpoint's faults.
     */
    public AttemptOutcome post(String endpointId, String url, String eventId, byte[] body, String replayId)
            throws InterruptedException {
        long started = System.nanoTime();
        try {
            // DNS may have changed since the endpoint was registered: a URL resolving to a forbidden address is not called
            guard.checkBeforeDelivery(URI.create(url));
        } catch (TargetRefused refused) {
            return new AttemptOutcome.NoAnswer(refused.getMessage(), since(started));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Content-Type", JsonFormat.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.headers(endpointId, eventId, clock.instant(), body).forEach(request::header);
        if (replayId != null) {
            request.header(REPLAY_ID, replayId);
        }
        try {
            // send, not sendAsync: sendAsync hands every answer to CompletableFuture's default executor, which on a
            // machine with fewer than 3 cores starts a thread per call
            HttpResponse<Void> response = http.send(request.build(),
                    info -> new DiscardingSubscriber(responseLimit, bodyDeadlines, requestTimeout));
            return new AttemptOutcome.Answered(response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), since(started));
        } catch (IOException | IllegalArgumentException failed) {
            return new AttemptOutcome.NoAnswer(describe(failed), since(started));
        }
    }

    @PreDestroy
    void stop() {
        bodyDeadlines.shutdownNow();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused or not reachable";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within the timeout: " + cause.getMessage();
        }
        if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return String.valueOf(cause);
    }

    /**
     * Reads up to {@code limit} bytes of a body and completes; the rest is not waited for. The client's own timeout
     * ends when the headers arrive, so a body still unfinished {@code deadline} after them is given up here.
     */
    private static final class DiscardingSubscriber implements HttpResponse.BodySubscriber<Void> {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final int limit;
        private final ScheduledExecutorService deadlines;
        private final Duration deadline;
        private long read;
        private Flow.Subscription subscription;

        DiscardingSubscriber(int limit, ScheduledExecutorService deadlines, Duration deadline) {
            this.limit = limit;
            this.deadlines = deadlines;
            this.deadline = deadline;
        }

        @Override
        public CompletableFuture<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            ScheduledFuture<?> giveUp = deadlines.schedule(() -> {
                subscription.cancel();
                done.completeExceptionally(new HttpTimeoutException("the answer's body did not end within " + deadline));
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
            done.whenComplete((ended, failed) -> giveUp.cancel(false));
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                read += item.remaining();
            }
            if (read > limit) {
                subscription.cancel();
                done.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            done.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
