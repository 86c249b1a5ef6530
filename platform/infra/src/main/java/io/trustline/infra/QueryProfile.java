package io.trustline.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Where the stand-in's time goes, by command, collection and filter shape (field names and operators, no
 * values): a development aid for finding the queries a real MongoDB would answer from an index and the
 * stand-in answers by scanning. Written to a file when the stand-in stops.
 */
final class QueryProfile {

    private record Shape(String database, String command, String collection, String filter) {
    }

    private static final class Cost {
        final LongAdder calls = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    private final Path report;
    private final Map<Shape, Cost> costs = new ConcurrentHashMap<>();

    private QueryProfile(Path report) {
        this.report = report;
    }

    private void record(MongoMessage message, long nanos) {
        Cost cost = costs.computeIfAbsent(shapeOf(message), shape -> new Cost());
        cost.calls.increment();
        cost.nanos.add(nanos);
    }

    private static Shape shapeOf(MongoMessage message) {
        Document document = message.getDocument();
        String command = document.keySet().iterator().next();
        Object target = document.get(command);
        Object filter = document.containsKey("filter") ? document.get("filter")
                : document.containsKey("query") ? document.get("query")
                : document.containsKey("updates") ? firstOf(document.get("updates"), "q")
                : document.containsKey("deletes") ? firstOf(document.get("deletes"), "q")
                : document.get("pipeline");
        String sort = document.containsKey("sort") ? " sort " + shape(document.get("sort")) : "";
        return new Shape(message.getDatabaseName(), command, String.valueOf(target), shape(filter) + sort);
    }

    private static Object firstOf(Object list, String key) {
        return list instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Document first
                ? first.get(key) : null;
    }

    private static String shape(Object value) {
        if (value instanceof Document document) {
            return document.entrySet().stream()
                    .map(entry -> entry.getKey() + (entry.getValue() instanceof Document || entry.getValue() instanceof List
                            ? ":" + shape(entry.getValue()) : ""))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : "[" + shape(list.get(0)) + (list.size() > 1 ? ",…" : "") + "]";
        }
        return value == null ? "" : "?";
    }

    private void writeReport() {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report))) {
            out.printf("%10s %8s %10s  %s%n", "total ms", "calls", "µs/call", "database command collection filter");
            costs.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<Shape, Cost> e) -> e.getValue().nanos.sum()).reversed())
                    .forEach(e -> {
                        long calls = e.getValue().calls.sum();
                        long nanos = e.getValue().nanos.sum();
                        Shape shape = e.getKey();
                        out.printf("%10.1f %8d %10.1f  %s %s %s %s%n", nanos / 1e6, calls, nanos / 1e3 / calls,
                                shape.database(), shape.command(), shape.collection(), shape.filter());
                    });
        } catch (IOException e) {
            System.err.println("cannot write the query profile to " + report + ": " + e);
        }
    }

    /** The backend, timing every command it handles; the report is written when the backend closes. */
    static MongoBackend around(MongoBackend backend, Path report) {
        QueryProfile profile = new QueryProfile(report);
        // a proxy rather than a delegating class: the interface's other methods take Netty types this module
        // does not compile against
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("handleMessage")) {
                            profile.record((MongoMessage) args[0], System.nanoTime() - start);
                        } else if (method.getName().equals("close")) {
                            profile.writeReport();
                        }
                    }
                });
    }
}
