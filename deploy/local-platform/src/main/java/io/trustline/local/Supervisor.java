package io.trustline.local;

import io.trustline.infra.launcher.ManagedProcess;
import io.trustline.infra.launcher.ManagedProcess.Exit;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Watches the platform's processes the way a process supervisor does: one that exits without being asked to is
 * reported at once (its name, exit code or signal, its last log lines) and started again after a
 * {@link RestartPolicy backoff}, waiting for its readiness as at start. A stop that was asked for — of one process,
 * or of all by {@link #close} on Ctrl-C — restarts nothing.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    // a terminal line's worth: some lines of a log (a Mongo client's settings) run to thousands of characters
    private static final int QUOTED_LINE_LENGTH = 240;

    private final Consumer<String> reports;
    private final RestartPolicy policy;
    private final ScheduledExecutorService restarts;
    private boolean closed; // guarded by this

    /** @param reports receives each report, a few lines of text, as it happens */
    Supervisor(Consumer<String> reports, RestartPolicy policy) {
        this.reports = reports;
        this.policy = policy;
        // a restart waits for readiness, up to two minutes: one thread per process that may be down at the same time
        this.restarts = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "trustline-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Watches a process that is ready now.
     *
     * @param startAgain starts the process again and returns once it is ready; throws if it does not become ready
     */
    void supervise(String name, ManagedProcess process, Runnable startAgain) {
        Watched watched = new Watched(name, process, startAgain);
        synchronized (this) {
            watched.readySince = Instant.now();
        }
        process.whenExits(exit -> exited(watched, exit));
    }

    /** Stops supervising: exits from now on are expected, and a restart under way is interrupted. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        restarts.shutdownNow();
        try {
            restarts.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exited(Watched watched, Exit exit) {
        synchronized (this) {
            // a restart attempt that failed is reported by the attempt, whichever thread hears of it first
            if (closed || exit.requested() || watched.restarting || exit.pid() == watched.failedAttemptPid) {
                return;
            }
        }
        reports.accept(String.format("%s stopped unexpectedly: %s (pid %d, after %s). Last lines of %s:%n%s",
                watched.name, exit.describeCode(), exit.pid(), readable(exit.ranFor()), exit.log(), indent(exit.lastLines())));
        failed(watched);
    }

    // reports under the lock, so "Restarting…" comes before what the restart says
    private synchronized void failed(Watched watched) {
        if (closed) {
            return;
        }
        Duration healthyFor = watched.readySince == null ? Duration.ZERO : Duration.between(watched.readySince, Instant.now());
        int failures = policy.failuresInARow(watched.failuresInARow, healthyFor);
        watched.failuresInARow = failures;
        watched.readySince = null;
        Optional<Duration> delay = policy.delayBeforeRestart(failures);
        if (delay.isEmpty()) {
            reports.accept(String.format("Giving up on %s: it failed %d times in a row, never staying up for %s. "
                            + "Its log: %s. The rest keeps running; Ctrl-C and ./trustline run start everything afresh.",
                    watched.name, failures, readable(policy.healthyAfter()), watched.process.log()));
            return;
        }
        reports.accept(String.format("Restarting %s in %s (restart %d of at most %d in a row).", watched.name,
                readable(delay.get()), failures, policy.maxRestarts()));
        try {
            restarts.schedule(() -> restart(watched), delay.get().toMillis(), TimeUnit.MILLISECONDS);
            watched.restarting = true;
        } catch (RejectedExecutionException closing) {
            // closed meanwhile: nothing to restart
        }
    }

    private void restart(Watched watched) {
        long startedAt = System.nanoTime();
        try {
            // someone may have started it meanwhile (ServiceProcess.restart)
            if (!watched.process.isAlive()) {
                watched.startAgain.run();
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                watched.failedAttemptPid = watched.process.pid();
                watched.restarting = false;
                if (closed) {
                    return;
                }
            }
            reports.accept(String.format("%s did not come back: %s%nLast lines of %s:%n%s", watched.name,
                    e.getMessage().lines().findFirst().orElse(""), watched.process.log(),
                    indent(watched.process.tail(Exit.TAIL_LINES))));
            failed(watched);
            return;
        }
        synchronized (this) {
            watched.restarting = false;
            watched.readySince = Instant.now();
            if (closed) {
                return;
            }
        }
        reports.accept(String.format("%s is back: ready in %s (pid %d).", watched.name,
                readable(Duration.ofNanos(System.nanoTime() - startedAt)), watched.process.pid()));
    }

    private static String indent(String lines) {
        return lines.lines()
                .map(line -> "    | " + (line.length() > QUOTED_LINE_LENGTH ? line.substring(0, QUOTED_LINE_LENGTH) + " …" : line))
                .collect(Collectors.joining("\n"));
    }

    static String readable(Duration duration) {
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            long tenths = duration.toMillis() / 100;
            return tenths % 10 == 0 ? tenths / 10 + " s" : String.format(Locale.ROOT, "%.1f s", tenths / 10.0);
        }
        if (duration.compareTo(Duration.ofHours(1)) < 0) {
            return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
        }
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }

    private static final class Watched {
        final String name;
        final ManagedProcess process;
        final Runnable startAgain;
        // guarded by the supervisor
        int failuresInARow;
        Instant readySince;
        boolean restarting;
        long failedAttemptPid = -1;

        Watched(String name, ManagedProcess process, Runnable startAgain) {
            this.name = name;
            this.process = process;
            this.startAgain = startAgain;
        }
    }
}
