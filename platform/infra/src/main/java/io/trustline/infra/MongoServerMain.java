package io.trustline.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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

    private MongoServerMain() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int port = args.requiredInt("port");
        MongoBackend backend;
        if (args.optional("h2-file") != null) {
            Path file = Path.of(args.optional("h2-file")).toAbsolutePath();
            Files.createDirectories(file.getParent());
            backend = new H2Backend(file.toString());
        } else if (args.flag("memory")) {
            backend = new MemoryBackend();
        } else {
            throw new IllegalArgumentException("give --memory or --h2-file FILE");
        }
        MongoServer server = new MongoServer(backend);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            // closing the backend commits H2's last changes to the file
            backend.close();
        }, "mongo-shutdown"));
        server.bind("127.0.0.1", port);
        if (args.flag("exit-with-parent")) {
            ParentWatch.exitWhenStdinCloses();
        }
        System.out.println("TRUSTLINE-READY mongo 127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
