package io.trustline.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.trustline.platform.command.IdempotencyKeyReusedException;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.NotFoundForTenant;
import io.trustline.platform.failure.FailureKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of an API call into {@code application/problem+json}: malformed JSON and invalid
 * fields into 400 naming the field, unknown ids into 404, rule violations into 409, anything unexpected
 * into 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String OUTCOME_UNKNOWN = "What it asked for may or may not have been recorded: a retry "
            + "with the same Idempotency-Key is safe either way; a retry without one may record it twice.";
    private static final String NOTHING_CHANGED = "Nothing was changed; it is safe to retry.";
    private static final String RETRY_AFTER_SECONDS = "5";
    // not among JAX-RS's Response.Status constants
    private static final int UNPROCESSABLE_CONTENT = 422;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.invalidRequest("Invalid or missing field(s): " + fields + ".", errors).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        String field = parserPath(e);
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            return fieldProblem(field, "appears more than once in its object.");
        }
        return Problem.invalidRequest("The body is not well-formed JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ").", List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e) {
        return fieldProblem(parserPath(e), "is out of range for a " + e.getTargetType().getSimpleName() + ".");
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        String field = jsonPath(e);
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? " Allowed: " + List.of(e.getTargetType().getEnumConstants()) + "."
                : "";
        if (e.getTargetType() != null && e.getTargetType().getPackageName().equals("java.time")) {
            return fieldProblem(field, "'" + e.getValue() + "' is not a valid date-time: write RFC 3339 text with a "
                    + "four-digit year and an offset, such as 2026-03-03T12:00:00Z.");
        }
        if (!allowed.isEmpty()) {
            return fieldProblem(field, "'" + e.getValue() + "' is not a valid " + e.getTargetType().getSimpleName() + "." + allowed);
        }
        return fieldProblem(field, "'" + e.getValue() + "' has the wrong JSON type" + expected(e) + "; values are never converted.");
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return Problem.invalidRequest("The body is missing or is not the expected JSON object.", List.of()).toResponse();
        }
        return fieldProblem(field, "has the wrong JSON type or shape" + expected(e) + "; values are never converted.");
    }

    @ServerExceptionMapper
    public Response rejectedValue(ValueInstantiationException e) {
        String detail = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        return fieldProblem(jsonPath(e), String.valueOf(detail));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        return field.isEmpty()
                ? Problem.invalidRequest("The body could not be read as JSON: " + e.getOriginalMessage(), List.of()).toResponse()
                : fieldProblem(field, e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return fieldProblem(e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e) {
        return Problem.of(Response.Status.NOT_FOUND, "Not found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFoundForTenant(NotFoundForTenant e) {
        return Problem.of(Response.Status.NOT_FOUND, "Not found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownAggregate(AggregateNotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "Not found",
                "No resource with id '" + e.getAggregateIdentifier() + "'.").toResponse();
    }

    /**
     * JAX-RS answers 404 when it cannot convert a query parameter to its declared type ({@code limit=many}); the
     * resource exists and the caller sent a bad value, so that is a 400 naming the parameter.
     */
    @ServerExceptionMapper
    public Response unknownPath(NotFoundException e, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() != null && resource != null && resource.getResourceMethod() != null) {
            Optional<Response> badQuery = unconvertibleQueryParameter(resource.getResourceMethod(), uri, e.getCause());
            if (badQuery.isPresent()) {
                return badQuery.get();
            }
        }
        return Problem.of(Response.Status.NOT_FOUND, "Not found", "No such resource.").toResponse();
    }

    private static Optional<Response> unconvertibleQueryParameter(Method method, UriInfo uri, Throwable cause) {
        Parameter[] parameters = method.getParameters();
        for (Parameter parameter : parameters) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query == null || !isNumber(parameter.getType())) {
                continue;
            }
            String value = uri.getQueryParameters().getFirst(query.value());
            if (value != null && !isInteger(value)) {
                return Optional.of(fieldProblem(query.value(), "'" + value + "' is not a whole number."));
            }
        }
        return Optional.empty();
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class || type == long.class || type == Integer.class || type == Long.class;
    }

    private static boolean isInteger(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException notOne) {
            return false;
        }
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return new Problem(URI.create("about:blank"), "Idempotency-Key reused", UNPROCESSABLE_CONTENT, e.getMessage(),
                List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e) {
        return Problem.of(Response.Status.CONFLICT, "Not allowed now", e.getMessage()).toResponse();
    }

    /** The problem carries {@code state} and {@code allowed} as members too, so a client can act on them. */
    @ServerExceptionMapper
    public Response commandNotAllowed(CommandNotAllowed e) {
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", "https://trustline.io/problems/not-allowed-in-state");
        problem.put("title", "Not allowed now");
        problem.put("status", Response.Status.CONFLICT.getStatusCode());
        problem.put("detail", e.getMessage());
        problem.put("state", e.state());
        problem.put("allowed", e.allowed());
        return Response.status(Response.Status.CONFLICT).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        // Quarkus REST wraps a body it cannot parse in a plain 400; say what was wrong with it
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof InputCoercionException outOfRange) {
            return numberOutOfRange(outOfRange);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = e.getMessage();
        if (e instanceof NotSupportedException) {
            detail = "Send the body as application/json.";
        } else if (e instanceof NotAcceptableException) {
            detail = "This API answers application/json, and errors as application/problem+json.";
        } else if (e instanceof NotAllowedException) {
            detail = "Allowed here: " + String.join(", ", e.getResponse().getAllowedMethods()) + ".";
        }
        Response.ResponseBuilder problem = new Problem(URI.create("about:blank"), status.getReasonPhrase(),
                status.getStatusCode(), detail, List.of()).toResponseBuilder();
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem.build();
    }

    /**
     * A command runs nothing fallible after its events are appended (read models catch up on their own), so a
     * failure here happened before or during the append. During the append the outcome is unknown to us — the
     * write may have reached MongoDB — and the answer says exactly that instead of promising nothing happened.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, ContainerRequestContext request) {
        String outcome = SAFE_METHODS.contains(request.getMethod()) ? NOTHING_CHANGED : OUTCOME_UNKNOWN;
        if (FailureKind.of(e) == FailureKind.INFRASTRUCTURE) {
            LOG.warn("An API call failed because infrastructure is unavailable", e);
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                    "Storage or a service we depend on did not answer in time. " + outcome)
                    .toResponseBuilder().header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure of an API call", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed on our side. " + outcome).toResponse();
    }

    private static Response fieldProblem(String field, String message) {
        String name = field.isEmpty() ? "body" : field;
        return Problem.invalidRequest("Invalid field: " + name + ".", List.of(new Problem.FieldError(name, message)))
                .toResponse();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return " (expected a string)";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return " (expected a number)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " (expected true or false)";
        }
        if (type.isEnum()) {
            return " (expected one of " + List.of(type.getEnumConstants()) + " as a string)";
        }
        if (type.getPackageName().equals("java.time")) {
            return " (expected an RFC 3339 date-time string such as 2026-03-03T12:00:00Z)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return " (expected an array)";
        }
        return "";
    }

    // a parser-level failure (duplicate key, number too large) carries no databind path; the parser knows where it was
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.addFirst("." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.addFirst("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        Optional<String> header = httpParameter(violation);
        if (header.isPresent()) {
            return header.get();
        }
        // skip the resource method and its parameter: callers know the body's fields, not our Java names
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** A header, query or path parameter by the name the caller sent it under, e.g. {@code Idempotency-Key}. */
    private static Optional<String> httpParameter(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        Path.ParameterNode parameter = null;
        // one element of a repeated query parameter (?type=a&type=b) is named type[1]
        String element = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.as(Path.ParameterNode.class);
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && parameter != null && element.isEmpty()
                    && node.getIndex() != null) {
                element = "[" + node.getIndex() + "]";
            } else {
                return Optional.empty();
            }
        }
        if (method == null || parameter == null) {
            return Optional.empty();
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        // CDI may subclass the resource; the overriding method does not carry the parameter annotations
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                Annotation[] annotations = type.getDeclaredMethod(method.getName(), types)
                        .getParameterAnnotations()[parameter.getParameterIndex()];
                for (Annotation annotation : annotations) {
                    if (annotation instanceof HeaderParam named) {
                        return Optional.of(named.value() + element);
                    }
                    if (annotation instanceof QueryParam named) {
                        return Optional.of(named.value() + element);
                    }
                    if (annotation instanceof PathParam named) {
                        return Optional.of(named.value() + element);
                    }
                }
            } catch (NoSuchMethodException notDeclaredHere) {
                // declared further up
            }
        }
        return Optional.empty();
    }
}
