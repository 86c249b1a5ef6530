package io.trustline.notification.filters;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * A CEL expression over a CloudEvent, compiled and type-checked once: {@code type}, {@code source}, {@code subject},
 * {@code id} (strings), {@code time} (timestamp) and {@code data} (a map of dynamic values), with the standard macros
 * ({@code has}, {@code exists}, {@code all}, ...). It must be a boolean.
 */
public final class ContentFilter {

    public static final int MAX_LENGTH = 2000;

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar(FilterVariables.TYPE, SimpleType.STRING)
            .addVar(FilterVariables.SOURCE, SimpleType.STRING)
            .addVar(FilterVariables.SUBJECT, SimpleType.STRING)
            .addVar(FilterVariables.ID, SimpleType.STRING)
            .addVar(FilterVariables.TIME, SimpleType.TIMESTAMP)
            .addVar(FilterVariables.DATA, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final CelRuntime.Program program;

    private ContentFilter(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    /** Compiles and type-checks; {@link FilterRejected} says where and why it is not a valid filter. */
    public static ContentFilter compile(String expression) {
        CelAbstractSyntaxTree ast;
        try {
            ast = COMPILER.compile(expression).getAst();
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().get(0);
            throw new FilterRejected(first.getSourceLocation().getLine(), first.getSourceLocation().getColumn() + 1,
                    first.getMessage());
        }
        try {
            return new ContentFilter(expression, RUNTIME.createProgram(ast));
        } catch (CelEvaluationException e) {
            throw new FilterRejected(1, 1, e.getMessage());
        }
    }

    /**
     * Whether the event passes. A filter that cannot be evaluated on this event (a missing key of {@code data}, a
     * value of another type) throws {@link FilterFailed}: the caller decides, and delivery counts it as no match.
     */
    public boolean matches(Map<String, Object> variables) {
        Object result;
        try {
            result = program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new FilterFailed(e.getMessage(), e);
        }
        // a dynamic value such as data.flag type-checks as a boolean, and may turn out not to be one
        if (result instanceof Boolean matched) {
            return matched;
        }
        throw new FilterFailed("the filter gave " + result + ", not a boolean", null);
    }

    public String expression() {
        return expression;
    }

    /** The expression is not a valid boolean CEL filter; line and column count from 1. */
    public static final class FilterRejected extends RuntimeException {

        private final int line;
        private final int column;
        private final String reason;

        FilterRejected(int line, int column, String reason) {
            super("line " + line + ", column " + column + ": " + reason);
            this.line = line;
            this.column = column;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public String reason() {
            return reason;
        }
    }

    /** The filter could not be evaluated on one event. */
    public static final class FilterFailed extends RuntimeException {

        FilterFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
