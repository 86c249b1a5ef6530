package io.trustline.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire-protocol stand-in (mongo-java-server) for development and tests, on 127.0.0.1.
 * In memory, or in an H2 file that survives a graceful stop (a hard kill loses about the last second
 * of acknowledged writes). Prints {@code TRUSTLINE-READY mongo <host:port>} when it accepts clients.
 *
 * <pre>--port P (--memory | --h2-file FILE) [--exit-with-parent]</pre>
 */
public final class MongoServerMain {

    public static final String READY_PREFIX = "TRUSTLINE-READY mongo ";

    private MongoServerMain() {
    }

    public static void main(String[] argv) {
        StartupFailure.exitOn(() -> run(new Args(argv)));
    }

    private static void run(Args args) throws Exception {
        int port = args.requiredInt("port");
        if (args.flag("exit-with-parent")) {
            ParentWatch.exitWhenStdinCloses();
        }
        MongoBackend backend = backend(args);
        String profile = System.getenv("TRUSTLINE_MONGO_QUERY_PROFILE");
        if (profile != null && !profile.isBlank()) {
            backend = QueryProfile.around(backend, Path.of(profile + "-" + port + ".txt"));
        }
        MongoServer server = new MongoServer(backend);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdownNow() also closes the backend, which commits H2's pending writes to the file
            server.shutdownNow();
            System.out.println("mongo stand-in stopped");
        }, "mongo-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println(READY_PREFIX + "127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static MongoBackend backend(Args args) throws IOException {
        String h2File = args.optional("h2-file");
        if (h2File != null && args.flag("memory")) {
            throw new IllegalArgumentException("give either --memory or --h2-file FILE, not both");
        }
        if (h2File != null) {
            Path file = Path.of(h2File).toAbsolutePath();
            Files.createDirectories(file.getParent());
            return new H2Backend(file.toString());
        }
        if (args.flag("memory")) {
            return new MemoryBackend();
        }
        throw new IllegalArgumentException("give --memory or --h2-file FILE");
    }
}
