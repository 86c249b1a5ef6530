package io.trustline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links in a tree's Markdown files that do not resolve: to a missing file, to a heading
 * that is not there, or out of the tree. Inline code that names a path going up ({@code ../x}) is held to
 * the same rule, because READMEs often cite files that way.
 */
final class MarkdownLinks {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private MarkdownLinks() {
    }

    /** One line per broken link: {@code file: target (why)}, paths relative to {@code root}. */
    static List<String> brokenLinks(Path root) {
        Path top = root.toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles(top)) {
            String text = read(file);
            String prose = FENCE.matcher(text).replaceAll("");
            List<String> targets = new ArrayList<>();
            Matcher code = CODE_SPAN.matcher(prose);
            while (code.find()) {
                if (code.group(1).startsWith("../")) {
                    targets.add(code.group(1));
                }
            }
            String withoutCode = CODE_SPAN.matcher(prose).replaceAll("");
            for (Pattern link : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
                Matcher m = link.matcher(withoutCode);
                while (m.find()) {
                    targets.add(m.group(1).replaceAll("^<|>$", ""));
                }
            }
            for (String target : targets) {
                String problem = problem(top, file, target);
                if (problem != null) {
                    broken.add(top.relativize(file) + ": " + target + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    private static String problem(Path top, Path file, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file
                : (path.startsWith("/") ? top.resolve(path.substring(1)) : file.getParent().resolve(path)).normalize();
        if (!resolved.startsWith(top)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !headingAnchors(read(resolved)).contains(anchor.toLowerCase(Locale.ROOT))) {
            return "no heading #" + anchor;
        }
        return null;
    }

    /** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> headingAnchors(String markdown) {
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        Set<String> anchors = new HashSet<>();
        while (m.find()) {
            anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static List<Path> markdownFiles(Path top) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(top) && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && file.toString().endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
