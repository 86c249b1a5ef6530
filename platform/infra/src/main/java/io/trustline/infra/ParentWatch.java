package io.trustline.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * Exits the JVM (running its shutdown hooks) when the parent process goes away: the parent holds this
 * process's stdin open, and the pipe reaches end-of-file when the parent dies, even by SIGKILL. So a
 * broker or Mongo stand-in never outlives a test JVM that was killed.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // the parent never writes; any bytes are ignored
                }
                System.out.println("stdin closed: the parent process is gone, shutting down");
            } catch (IOException e) {
                System.err.println("stdin of the infra process failed, shutting down: " + e);
            }
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
