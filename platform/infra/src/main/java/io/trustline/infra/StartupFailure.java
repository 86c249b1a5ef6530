package io.trustline.infra;

/**
 * Ends the JVM when an infra process cannot start. An exception leaving {@code main} is not enough: the
 * threads a half-started server has spawned (Netty's event loops, the broker's) would keep the JVM alive,
 * and the launcher would wait for a ready line that never comes.
 */
final class StartupFailure {

    interface Startup {
        void run() throws Exception;
    }

    private StartupFailure() {
    }

    static void exitOn(Startup startup) {
        try {
            startup.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit(e);
        } catch (Exception | Error e) {
            exit(e);
        }
    }

    private static void exit(Throwable cause) {
        System.err.println("cannot start: " + cause);
        cause.printStackTrace();
        System.exit(1);
    }
}
