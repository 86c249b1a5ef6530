package io.trustline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Grafana dashboard's Prometheus queries — every panel target's {@code expr} and every query variable's
 * {@code label_values(...)} — and the metric names they read. The names are taken out of PromQL the way its parser
 * sees them: what is left once strings, label matchers, ranges, grouping clauses, function calls and keywords are
 * gone. Enough for the queries dashboards are made of; not a PromQL parser.
 */
final class GrafanaDashboard {

    /** Where the platform's dashboard lives, relative to the repository. */
    static final String PATH = "deploy/grafana/trustline.json";

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "start", "end", "inf", "nan", "Inf", "NaN");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*)\\)\\s*$");

    private final Map<String, Set<String>> namesByQuery;

    private GrafanaDashboard(List<String> queries) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (String query : queries) {
            names.put(query, metricNamesIn(query));
        }
        this.namesByQuery = names;
    }

    static GrafanaDashboard read(Path file) {
        try {
            return of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GrafanaDashboard of(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        collectTargets(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                queries.add(query.isObject() ? query.path("query").asText() : query.asText());
            }
        }
        return new GrafanaDashboard(queries);
    }

    private static void collectTargets(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
            // a collapsed row keeps its panels inside it
            collectTargets(panel.path("panels"), queries);
        }
    }

    /** Every query, with the metric names it reads. */
    Map<String, Set<String>> namesByQuery() {
        return namesByQuery;
    }

    Set<String> metricNames() {
        Set<String> all = new TreeSet<>();
        namesByQuery.values().forEach(all::addAll);
        return all;
    }

    /** The metric names some query reads that {@code exposed} lacks, each with the first query reading it. */
    Map<String, String> missingFrom(Set<String> exposed) {
        Map<String, String> missing = new LinkedHashMap<>();
        namesByQuery.forEach((query, names) -> names.stream().filter(name -> !exposed.contains(name))
                .forEach(name -> missing.putIfAbsent(name, query)));
        return missing;
    }

    static Set<String> metricNamesIn(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            // label_values(label) or label_values(metric{matchers}, label): only the two-argument form names a metric
            String arguments = LABEL_MATCHERS.matcher(STRING.matcher(labelValues.group(1)).replaceAll("")).replaceAll("");
            int comma = arguments.indexOf(',');
            return comma < 0 ? Set.of() : metricNamesIn(arguments.substring(0, comma));
        }
        String bare = STRING.matcher(query).replaceAll(" ");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean call = identifier.group(2) != null;
            String name = identifier.group(1);
            if (!call && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
