package io.trustline.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Many readers of the same live events, each recording how long after its publish time it got each one. A phase
 * is read between {@link #reset()} calls, once every reader has all of it, so readers never write while it is read.
 */
interface FanOut extends AutoCloseable {

    /** Events received so far by all readers together, since the last reset. */
    long received();

    /** Each reception's delay since the last reset, microseconds, sorted. */
    long[] sortedDelaysMicros();

    void reset();

    @Override
    void close();

    /** One reader's delays; only its own thread records, under its lock. */
    final class Delays {

        private long[] micros = new long[1024];
        private int size;

        synchronized void record(Instant published, Instant received) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = ChronoUnit.MICROS.between(published, received);
        }

        synchronized void reset() {
            size = 0;
        }

        synchronized long[] copy() {
            return Arrays.copyOf(micros, size);
        }

        static long[] sortedOf(List<Delays> readers) {
            long[] all = readers.stream().map(Delays::copy).flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }
    }
}
