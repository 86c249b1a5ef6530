package io.trustline.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A child JVM with its output (stdout and stderr) appended to a log file. The parent keeps the child's
 * stdin open as a pipe, so a child started with {@code --exit-with-parent} ends when the parent dies,
 * however it dies. Listeners hear of every run's end ({@link #whenExits}), and whether this object asked for it.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final int TAIL_LINES = 40;
    private static final int ERROR_CONTEXT_LINES = 6;
    private static final Pattern ERROR_LINE = Pattern.compile("\\bERROR\\b|Exception\\b|^Error");
    // a tail never needs more than the end of a long-running process's log
    private static final int TAIL_BYTES = 256 * 1024;
    private static final Duration LISTENERS_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final List<Consumer<Exit>> exitListeners = new CopyOnWriteArrayList<>();
    private volatile Run run;

    /**
     * @param jvmArgsAndMain everything after {@code java}: JVM options, then {@code -cp CP Main} or
     *                       {@code -jar JAR}, then the program's arguments
     */
    public ManagedProcess(String name, List<String> jvmArgsAndMain, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = new ArrayList<>();
        this.command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.command.addAll(jvmArgsAndMain);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}, not yet started. */
    public static ManagedProcess mainClass(String name, List<String> jvmOptions, String classpath, String mainClass,
                                           List<String> args, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return new ManagedProcess(name, command, environment, log);
    }

    /** {@code java <jvmOptions> -jar <jar> <args>}, not yet started. */
    public static ManagedProcess jar(String name, List<String> jvmOptions, Path jar, List<String> args,
                                     Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return new ManagedProcess(name, command, environment, log);
    }

    /** Starts the process (again, after a stop or kill); the log keeps the earlier runs' lines. */
    public ManagedProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + pid());
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            long logOffset = logSize();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // stdin stays the default pipe: this object holds its write end until the parent ends
            builder.environment().putAll(environment);
            Run started = new Run(builder.start(), logOffset, Instant.now());
            run = started;
            started.exitHandled = started.process.onExit().thenRun(() -> tellListeners(started));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until a line written since the start matches; see {@link #await} for failures. */
    public ManagedProcess awaitLogLine(Pattern ready, Duration timeout) {
        long logOffset = run.logOffset;
        return await(() -> logSince(logOffset).lines().anyMatch(line -> ready.matcher(line).find()), timeout,
                "a log line matching " + ready);
    }

    /**
     * Waits until {@code ready} holds. Fails with the log tail if the process exits first or the timeout
     * passes; a process that did not become ready in time is killed, so a failed start leaves nothing behind.
     */
    public ManagedProcess await(BooleanSupplier ready, Duration timeout, String what) {
        Process process = run.process;
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before " + what
                        + failureReport());
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s (waiting for "
                        + what + "), killed it" + failureReport());
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IllegalStateException("interrupted while waiting for " + name + ", killed it", e);
            }
        }
        return this;
    }

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. Returns once the exit listeners heard of it. */
    public void stop(Duration grace) {
        Run current = run;
        if (current == null || !current.process.isAlive()) {
            return;
        }
        current.requested = true;
        current.process.destroy();
        try {
            if (!current.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.process.destroyForcibly();
            return;
        }
        awaitListeners(current);
    }

    /**
     * SIGKILL: the process gets no chance to clean up, as in a crash (but listeners hear that it was asked for).
     * Returns once it is gone and the exit listeners heard of it.
     */
    public void kill() {
        Run current = run;
        if (current == null || !current.process.isAlive()) {
            return;
        }
        current.requested = true;
        current.process.destroyForcibly();
        try {
            if (!current.process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + current.process.pid() + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        awaitListeners(current);
    }

    /**
     * Calls {@code listener} when a run ends, from the thread that noticed it (so it must be quick): the current run,
     * even one that ended already, and every later one.
     */
    public void whenExits(Consumer<Exit> listener) {
        Run current;
        synchronized (exitListeners) {
            exitListeners.add(listener);
            current = run;
            if (current == null || !current.listenersCalled) {
                return;
            }
        }
        listener.accept(exitOf(current));
    }

    public boolean isAlive() {
        Run current = run;
        return current != null && current.process.isAlive();
    }

    public long pid() {
        Run current = run;
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return current.process.pid();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** Resident memory of the process in KiB, from /proc (Linux), or -1 where unknown. */
    public long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return -1;
        }
        return -1;
    }

    /** The last lines this process wrote since it was (re)started; older runs' lines stay out. */
    public String tail() {
        return tail(TAIL_LINES);
    }

    /** The last {@code lines} lines this process wrote since it was (re)started. */
    public String tail(int lines) {
        Run current = run;
        return current == null ? "" : tailOf(current, lines);
    }

    private String tailOf(Run of, int count) {
        long offset = Math.max(of.logOffset, logSizeOrZero() - TAIL_BYTES);
        List<String> lines = logSince(offset).lines().toList();
        if (offset > of.logOffset && !lines.isEmpty()) {
            lines = lines.subList(1, lines.size()); // the first may be cut in two
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The first error of this run with the lines after it (its cause), then the tail: orderly shutdown logs follow errors. */
    private String failureReport() {
        List<String> lines = logSince(run.logOffset).lines().toList();
        String firstError = "";
        for (int i = 0; i < lines.size(); i++) {
            if (ERROR_LINE.matcher(lines.get(i)).find()) {
                firstError = "\nfirst error:\n" + String.join("\n", lines.subList(i, Math.min(lines.size(), i + ERROR_CONTEXT_LINES)));
                break;
            }
        }
        return firstError + "\nlog " + log + ", last lines:\n" + tail();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    private long logSize() throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    private long logSizeOrZero() {
        try {
            return logSize();
        } catch (IOException e) {
            return 0;
        }
    }

    private void tellListeners(Run ended) {
        List<Consumer<Exit>> listeners;
        ended.endedAt = Instant.now();
        synchronized (exitListeners) {
            ended.listenersCalled = true;
            listeners = List.copyOf(exitListeners);
        }
        if (listeners.isEmpty()) {
            return;
        }
        Exit exit = exitOf(ended);
        for (Consumer<Exit> listener : listeners) {
            try {
                listener.accept(exit);
            } catch (RuntimeException e) {
                System.err.println("a listener to " + name + "'s exit failed: " + e);
            }
        }
    }

    private Exit exitOf(Run ended) {
        return new Exit(name, ended.process.pid(), ended.process.exitValue(), ended.requested,
                Duration.between(ended.startedAt, ended.endedAt), log, tailOf(ended, Exit.TAIL_LINES));
    }

    private void awaitListeners(Run ended) {
        try {
            ended.exitHandled.get(LISTENERS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("the listeners to " + name + "'s exit did not finish: " + e);
        }
    }

    /** One start of the process; a restart is a new run with its own part of the log. */
    private static final class Run {
        final Process process;
        final long logOffset;
        final Instant startedAt;
        volatile boolean requested;
        volatile Instant endedAt;
        volatile CompletableFuture<Void> exitHandled = CompletableFuture.completedFuture(null);
        boolean listenersCalled; // guarded by exitListeners

        Run(Process process, long logOffset, Instant startedAt) {
            this.process = process;
            this.logOffset = logOffset;
            this.startedAt = startedAt;
        }
    }

    /**
     * How a run ended.
     *
     * @param code      the exit code; 128 + n when signal n ended it (137: SIGKILL, 143: SIGTERM)
     * @param requested true when {@link #stop} or {@link #kill} asked for it
     * @param ranFor    from its start to its end
     * @param lastLines the last {@value #TAIL_LINES} lines of its log
     */
    public record Exit(String name, long pid, int code, boolean requested, Duration ranFor, Path log, String lastLines) {

        public static final int TAIL_LINES = 20;
        private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT",
                9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

        /** "exit code 137 (SIGKILL)", "exit code 1". */
        public String describeCode() {
            String signal = code > 128 ? SIGNALS.getOrDefault(code - 128, "signal " + (code - 128)) : null;
            return "exit code " + code + (signal == null ? "" : " (" + signal + ")");
        }
    }

    private String logSince(long offset) {
        if (!Files.exists(log)) {
            return "";
        }
        // a local run's logs grow across restarts: read only this run's part
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long length = Math.max(0, channel.size() - offset);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, Integer.MAX_VALUE - 8));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // read until the buffer is full or the end of the file
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
