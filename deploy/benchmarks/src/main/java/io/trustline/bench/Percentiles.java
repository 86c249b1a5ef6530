package io.trustline.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** p50/p95/p99 of a set of durations in microseconds, printed in milliseconds. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles ofMicros(Collection<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        if (sorted.isEmpty()) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), at(sorted, 50), at(sorted, 95), at(sorted, 99),
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    @Override
    public String toString() {
        return "p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (n=%d)".formatted(p50, p95, p99, max, count);
    }
}
