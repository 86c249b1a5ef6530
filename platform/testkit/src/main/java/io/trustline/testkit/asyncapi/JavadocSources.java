package io.trustline.testkit.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of a module's published types, read from its sources ({@code src/main/java} under the working
 * directory, the module's base directory under Maven) and turned into Markdown for the AsyncAPI document: the
 * Javadoc is where every field's meaning, unit, nullability and version already live, so the document repeats it
 * rather than a second description that could drift.
 */
final class JavadocSources {

    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^@(\\w+)\\s*");
    private static final Pattern INLINE_TAG_START = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+");

    private final Path sourceRoot;
    private final Map<Class<?>, String> sources = new HashMap<>();

    JavadocSources(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    /** A type's description: its Javadoc before the block tags. */
    String typeDoc(Class<?> type) {
        return markdown(mainText(rawTypeDoc(type)), type);
    }

    /** A package's description: the Javadoc of its {@code package-info.java}. */
    String packageDoc(String packageName) {
        Path file = sourceRoot.resolve(packageName.replace('.', '/') + "/package-info.java");
        try {
            Matcher matcher = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*package\\s", Pattern.DOTALL)
                    .matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!matcher.find()) {
                throw new AssertionError(file + " has no package Javadoc");
            }
            return markdown(mainText(clean(matcher.group(1))), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A record's {@code @param} descriptions by component name, in order. */
    Map<String, String> params(Class<?> type) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String tag : blockTags(rawTypeDoc(type))) {
            if (tag.startsWith("param ")) {
                String[] nameAndText = tag.substring("param ".length()).trim().split("\\s+", 2);
                if (!nameAndText[0].startsWith("<")) {
                    params.put(nameAndText[0], markdown(nameAndText.length > 1 ? nameAndText[1] : "", type));
                }
            }
        }
        return params;
    }

    /** The Javadoc of a constant: an enum constant or a {@code static final} field. */
    String constantDoc(Class<?> type, String name) {
        String source = source(type);
        Matcher matcher = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                        + "(?:public\\s+static\\s+final\\s+[\\w<>, ]+\\s+)?" + Pattern.quote(name) + "\\s*[,;=(\\n}]",
                Pattern.DOTALL).matcher(source);
        if (!matcher.find()) {
            throw new AssertionError(type.getName() + "." + name + " has no Javadoc in " + sourceFile(type));
        }
        return markdown(mainText(clean(matcher.group(1))), type);
    }

    private String rawTypeDoc(Class<?> type) {
        String source = source(type);
        Matcher matcher = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                + "(?:public\\s+)?(?:static\\s+)?(?:final\\s+)?(?:record|enum|class|interface)\\s+"
                + Pattern.quote(type.getSimpleName()) + "\\b", Pattern.DOTALL).matcher(source);
        if (!matcher.find()) {
            throw new AssertionError(type.getName() + " has no Javadoc in " + sourceFile(type));
        }
        return clean(matcher.group(1));
    }

    private String source(Class<?> type) {
        return sources.computeIfAbsent(topLevel(type), top -> {
            try {
                return Files.readString(sourceFile(top), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source of " + top.getName() + " for its Javadoc", e);
            }
        });
    }

    private Path sourceFile(Class<?> type) {
        return sourceRoot.resolve(topLevel(type).getName().replace('.', '/') + ".java");
    }

    private static Class<?> topLevel(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top;
    }

    /** The comment's text without the leading asterisks, lines kept. */
    private static String clean(String comment) {
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\n")) {
            text.append(line.replaceFirst("^\\s*\\*? ?", "")).append('\n');
        }
        return text.toString().trim();
    }

    private static String mainText(String doc) {
        Matcher tag = BLOCK_TAG.matcher(doc);
        return tag.find() ? doc.substring(0, tag.start()).trim() : doc;
    }

    private static List<String> blockTags(String doc) {
        List<String> tags = new ArrayList<>();
        Matcher tag = BLOCK_TAG.matcher(doc);
        int start = -1;
        while (tag.find()) {
            if (start >= 0) {
                tags.add(doc.substring(start, tag.start()).trim());
            }
            start = tag.start() + 1;
        }
        if (start >= 0) {
            tags.add(doc.substring(start).trim());
        }
        return tags;
    }

    /** Javadoc text as Markdown: inline tags as code or names, paragraphs kept, lines within one joined. */
    private static String markdown(String javadoc, Class<?> context) {
        String text = inlineTags(javadoc, context).replaceAll("(?i)</?p>", "\n\n")
                .replaceAll("(?i)<li>", "\n\n- ")
                .replaceAll("(?i)</?(ul|ol|li|b|i|em|strong)>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String joined = paragraph.trim().replaceAll("\\s+", " ");
            if (!joined.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(joined);
            }
        }
        return out.toString();
    }

    /** Replaces each inline tag, whose body may hold balanced braces ({@code {"enabled": false}}). */
    private static String inlineTags(String javadoc, Class<?> context) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            Matcher tag = INLINE_TAG_START.matcher(javadoc);
            if (!tag.find(at)) {
                return out.append(javadoc.substring(at)).toString();
            }
            int depth = 1;
            int end = tag.end();
            for (; end < javadoc.length() && depth > 0; end++) {
                char c = javadoc.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth > 0) {
                throw new AssertionError("unbalanced braces in the Javadoc of " + context + ": "
                        + javadoc.substring(tag.start()));
            }
            out.append(javadoc, at, tag.start())
                    .append(inlineTag(tag.group(1), javadoc.substring(tag.end(), end - 1).trim(), context));
            at = end;
        }
    }

    private static String inlineTag(String tag, String body, Class<?> context) {
        return switch (tag) {
            case "code", "literal" -> "`" + body + "`";
            case "value" -> "`" + constantValue(body, context) + "`";
            default -> linkText(body, context);
        };
    }

    private static String linkText(String body, Class<?> context) {
        String[] targetAndLabel = body.split("\\s+", 2);
        if (targetAndLabel.length > 1) {
            return targetAndLabel[1];
        }
        String target = targetAndLabel[0];
        if (target.contains("#") && !target.contains("(") && context != null) {
            // a link to a constant, such as a topic name, means its value to a reader of the document
            try {
                return "`" + constantValue(target, context) + "`";
            } catch (AssertionError notAConstant) {
                // a link to a field of a record: its name
            }
        }
        String type = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String member = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        String simpleType = type.substring(type.lastIndexOf('.') + 1);
        String name = member.isEmpty() ? simpleType : (simpleType.isEmpty() ? "" : simpleType + ".")
                + member.replaceAll("\\(.*\\)", "");
        return "`" + name + "`";
    }

    private static String constantValue(String reference, Class<?> context) {
        String typeName = reference.substring(0, reference.indexOf('#'));
        String field = reference.substring(reference.indexOf('#') + 1);
        try {
            Class<?> type = typeName.isEmpty() ? context
                    : typeName.contains(".") || context == null ? Class.forName(typeName)
                    : Class.forName(context.getPackageName() + "." + typeName);
            Field constant = type.getField(field);
            return String.valueOf(constant.get(null));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("{@value " + reference + "} in the Javadoc of " + context
                    + " names no constant", e);
        }
    }
}
