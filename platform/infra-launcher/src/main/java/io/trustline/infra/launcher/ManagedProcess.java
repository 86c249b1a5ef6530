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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A child JVM with its output (stdout and stderr) appended to a log file. The parent keeps the child's
 * stdin open as a pipe, so a child started with {@code --exit-with-parent} ends when the parent dies,
 * however it dies.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final int TAIL_LINES = 40;
    private static final int ERROR_CONTEXT_LINES = 6;
    private static final Pattern ERROR_LINE = Pattern.compile("\\bERROR\\b|Exception\\b|^Error");

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private long logOffsetAtStart;

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
            logOffsetAtStart = logSize();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // stdin stays the default pipe: this object holds its write end until the parent ends
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until a line written since the start matches; see {@link #await} for failures. */
    public ManagedProcess awaitLogLine(Pattern ready, Duration timeout) {
        return await(() -> logSince(logOffsetAtStart).lines().anyMatch(line -> ready.matcher(line).find()), timeout,
                "a log line matching " + ready);
    }

    /**
     * Waits until {@code ready} holds. Fails with the log tail if the process exits first or the timeout
     * passes; a process that did not become ready in time is killed, so a failed start leaves nothing behind.
     */
    public ManagedProcess await(BooleanSupplier ready, Duration timeout, String what) {
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

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
    public void stop(Duration grace) {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. Returns once it is gone. */
    public void kill() {
        if (!isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
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
        List<String> lines = logSince(logOffsetAtStart).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** The first error of this run with the lines after it (its cause), then the tail: orderly shutdown logs follow errors. */
    private String failureReport() {
        List<String> lines = logSince(logOffsetAtStart).lines().toList();
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
