package io.trustline.relationship.scoring.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trustline.relationship.scoring.ClientEvent.Impact;
import io.trustline.relationship.scoring.ClientEvent.Scope;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.churn.ChurnCause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks model files. Anything missing, misspelt or out of range is refused with the
 * file and the field named: a model with a typo must fail at start-up, not score quietly wrong.
 */
public final class ScoringModelFiles {

    /** The model every service starts with unless configured otherwise. */
    public static final String DEFAULT_RESOURCE = "scoring/trustline-default-v1.yaml";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Set<String> EVENT_TYPES = ClientEvent.typesByName().keySet();

    private ScoringModelFiles() {
    }

    public static ScoringModel builtInDefault() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    public static ScoringModel fromClasspath(String resource) {
        try (InputStream in = ScoringModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidScoringModelException(resource, "no such resource on the classpath");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scoring model " + resource, e);
        }
    }

    public static ScoringModel fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scoring model " + file, e);
        }
    }

    /** Reads a model from YAML or JSON text (JSON is YAML too). */
    public static ScoringModel read(InputStream yaml, String origin) {
        ScoringModel model;
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidScoringModelException(origin, "the file is empty");
            }
            List<String> shape = ModelFileShape.problems(tree);
            if (!shape.isEmpty()) {
                throw new InvalidScoringModelException(origin, shape);
            }
            model = YAML.treeToValue(tree, ScoringModel.class);
        } catch (JacksonException e) {
            throw new InvalidScoringModelException(origin, pathOf(e) + e.getOriginalMessage() + lineOf(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scoring model " + origin, e);
        }
        List<String> problems = check(model);
        if (!problems.isEmpty()) {
            throw new InvalidScoringModelException(origin, problems);
        }
        return model;
    }

    // "trust.clientChased: " when the parser knows the key (a repeated key, a number too large), so the
    // problem reads like the shape checks' ones
    private static String pathOf(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path + ": ";
        }
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
            List<String> keys = new ArrayList<>();
            for (var context = parser.getParsingContext(); context != null && !context.inRoot();
                 context = context.getParent()) {
                if (context.getCurrentName() != null) {
                    keys.add(0, context.getCurrentName());
                }
            }
            return keys.isEmpty() ? "" : String.join(".", keys) + ": ";
        }
        return "";
    }

    private static String lineOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static List<String> check(ScoringModel model) {
        List<String> problems = new ArrayList<>();
        if (model.model().isBlank()) {
            problems.add("model: must name the model");
        }
        if (model.version() < 1) {
            problems.add("version: must be 1 or more");
        }
        ScoringModel.Scores scores = model.scores();
        if (!(scores.min() < scores.max() && scores.start() >= scores.min() && scores.start() <= scores.max())) {
            problems.add("scores: need min < max and start between them");
        }
        for (Impact impact : Impact.values()) {
            var byScope = model.targets().get(impact);
            for (Scope scope : Scope.values()) {
                if (byScope == null || byScope.get(scope) == null) {
                    problems.add("targets." + impact + "." + scope + ": missing");
                } else {
                    checkTargets("targets." + impact + "." + scope, byScope.get(scope), problems);
                }
            }
        }
        checkTargets("withoutExpectation", model.withoutExpectation(), problems);
        for (Impact impact : Impact.values()) {
            if (!model.severity().impact().containsKey(impact)) {
                problems.add("severity.impact." + impact + ": missing");
            }
        }
        for (Scope scope : Scope.values()) {
            if (!model.severity().scope().containsKey(scope)) {
                problems.add("severity.scope." + scope + ": missing");
            }
        }
        ScoringModel.Contact contact = model.contact();
        if (contact.tickDays() < 1 || contact.meetingCadenceDays() < 1) {
            problems.add("contact: tickDays and meetingCadenceDays must be at least 1");
        }
        for (String type : contact.contactEvents()) {
            if (!EVENT_TYPES.contains(type)) {
                problems.add("contact.contactEvents: unknown event type " + type + ", known: "
                        + EVENT_TYPES.stream().sorted().toList());
            }
        }
        if (model.chronic().windowDays() < 1) {
            problems.add("chronic.windowDays: must be at least 1");
        }
        if (model.advanceNotice().comfortableLeadDays() < 1) {
            problems.add("advanceNotice.comfortableLeadDays: must be at least 1");
        }
        ModelSigns.check(model, problems);
        ScoringModel.ChurnRiskRules churn = model.churnRisk();
        for (ChurnCause.Kind kind : ChurnCause.Kind.values()) {
            if (!churn.weights().containsKey(kind)) {
                problems.add("churnRisk.weights." + kind + ": missing");
            }
        }
        if (churn.windowDays() < 1 || churn.mediumAt() < 1 || churn.highAt() < churn.mediumAt()) {
            problems.add("churnRisk: need windowDays >= 1 and 1 <= mediumAt <= highAt");
        }
        return problems;
    }

    private static void checkTargets(String where, ScoringModel.Targets targets, List<String> problems) {
        if (targets.acknowledgeMinutes() < 1 || targets.actionPlanMinutes() < 1
                || targets.updateEveryMinutes() < 1 || targets.resolveMinutes() < 1) {
            problems.add(where + ": every target must be at least 1 minute");
        }
    }
}
