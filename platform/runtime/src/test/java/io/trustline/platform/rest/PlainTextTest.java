package io.trustline.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The not-blank patterns the schemas publish accept exactly what {@code @NotBlank} plus the plain pattern accepts. */
class PlainTextTest {

    private static final List<String> SAMPLES = List.of("", " ", "   ", "\t", "\n \r\n", "\u2003", "\u3000 \u2028",
            "a", " a ", "payroll stopped", "line one\nline two", "\u00A0", "\u200B", "caf\u00E9", "x\u0000", "\u0007",
            "\u007F", " \u001F ", "\u0085", "ok\tok");

    @Test
    void oneLineNotBlank_acceptsWhatNotBlankAndOneLineAccept() {
        for (String sample : SAMPLES) {
            boolean server = !sample.isBlank() && sample.matches(PlainText.ONE_LINE);
            assertThat(Pattern.compile(PlainText.ONE_LINE_NOT_BLANK).matcher(sample).matches())
                    .as("%s", sample.codePoints().mapToObj(Integer::toHexString).toList()).isEqualTo(server);
        }
    }

    @Test
    void multiLineNotBlank_acceptsWhatNotBlankAndMultiLineAccept() {
        for (String sample : SAMPLES) {
            boolean server = !sample.isBlank() && sample.matches(PlainText.MULTI_LINE);
            assertThat(Pattern.compile(PlainText.MULTI_LINE_NOT_BLANK).matcher(sample).matches())
                    .as("%s", sample.codePoints().mapToObj(Integer::toHexString).toList()).isEqualTo(server);
        }
    }
}
