package com.souq.commerce.platform.web;

import com.souq.commerce.platform.web.idempotency.IdempotencyProblem;
import com.souq.commerce.shared.MalformedIdentifierException;
import com.souq.commerce.shared.error.DomainError;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.CurrencyMismatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure an HTTP caller can cause into {@code application/problem+json} with a stable code:
 * malformed or invalid input is a 400 listing the fields, an unknown id a 404, a refused state transition or a stale
 * version a 409, a reused idempotency key a 422. Only a defect of ours is a 500, and it is logged.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return problem(validationFailed(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(name, error.getDefaultMessage())));
        });
        return problem(validationFailed(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (ex.getCause() instanceof JacksonException jackson && !(jackson instanceof StreamReadException)) {
            String field = jackson.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : jackson instanceof StrictStrings.Refused refused ? refused.getOriginalMessage()
                    : "has the wrong type";
            return problem(validationFailed(List.of(new FieldError(field.isEmpty() ? "body" : field, message))));
        }
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST_BODY",
                "The request body is missing or is not valid JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "MISSING_HEADER",
                    "The header " + missing.getHeaderName() + " is required"));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            Problems.withCode(problem, Problems.codeForStatus(statusCode));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<Object> domainRuleViolation(DomainRuleViolation violation) {
        return problem(fromDomainError(violation.toError()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException ex) {
        Object details = ex.getDetails().orElse(null);
        if (details instanceof DomainError error) {
            return problem(fromDomainError(error));
        }
        if (ex.getCause() instanceof Exception cause && !(cause instanceof CommandExecutionException)) {
            return translated(cause);
        }
        return internalError(ex);
    }

    @ExceptionHandler({AggregateNotFoundException.class, ConflictingAggregateVersionException.class,
            AggregateStreamCreationException.class, ConcurrencyException.class, EventStoreException.class,
            LockAcquisitionFailedException.class})
    ResponseEntity<Object> axonFailure(Exception ex) {
        return translated(ex);
    }

    /** The command did not finish in time (a loaded engine): its outcome is unknown, and retrying is safe. */
    @ExceptionHandler(TimeoutException.class)
    ResponseEntity<Object> timedOut(TimeoutException ex) {
        return timedOut();
    }

    @ExceptionHandler(IdempotencyProblem.class)
    ResponseEntity<Object> idempotency(IdempotencyProblem ex) {
        return problem(Problems.of(ex.status(), ex.code(), ex.getMessage()));
    }

    /** Tomcat refuses a query string it cannot decode (invalid UTF-8) only when a handler first reads it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableQuery(InvalidParameterException ex) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_QUERY_STRING",
                "The query string is not valid percent-encoded UTF-8"));
    }

    @ExceptionHandler(MalformedIdentifierException.class)
    ResponseEntity<Object> malformedId(MalformedIdentifierException ex) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_IDENTIFIER", ex.getMessage()));
    }

    @ExceptionHandler({IllegalArgumentException.class, CurrencyMismatchException.class})
    ResponseEntity<Object> invalidValue(IllegalArgumentException ex) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE", ex.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your roles do not allow this request"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
        return problem(Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A valid bearer token is required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        return internalError(ex);
    }

    private ResponseEntity<Object> translated(Exception ex) {
        return switch (ex) {
            case DomainRuleViolation violation -> problem(fromDomainError(violation.toError()));
            case AggregateNotFoundException notFound -> problem(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                    "Nothing exists with id " + notFound.getAggregateIdentifier()));
            case ConflictingAggregateVersionException stale -> problem(Problems.of(HttpStatus.CONFLICT,
                    "STALE_VERSION", "The expected version " + stale.getExpectedVersion()
                            + " is stale: the current version is " + stale.getActualVersion()));
            case AggregateStreamCreationException exists -> problem(Problems.of(HttpStatus.CONFLICT,
                    "ALREADY_EXISTS", "Something with this id exists already"));
            case ConcurrencyException concurrent -> problem(Problems.of(HttpStatus.CONFLICT,
                    "CONCURRENT_MODIFICATION", "Another change to the same object won the race: read it and retry"));
            case LockAcquisitionFailedException busy -> problem(Problems.of(HttpStatus.CONFLICT,
                    "CONCURRENT_MODIFICATION", "Another change to the same object was under way: retry"));
            case TimeoutException late -> timedOut();
            default -> internalError(ex);
        };
    }

    private static ResponseEntity<Object> timedOut() {
        log.warn("A command did not finish within its time limit: answered 503");
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "COMMAND_TIMED_OUT",
                "The engine did not finish the command in time, so its outcome is unknown: read the resource, or retry "
                        + "(with the same Idempotency-Key where the endpoint takes one)");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    private ResponseEntity<Object> internalError(Exception ex) {
        log.error("Unhandled failure of an HTTP request", ex);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The engine failed to process the request; quote the correlation id to support"));
    }

    private static ProblemDetail validationFailed(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request has invalid fields");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail fromDomainError(DomainError error) {
        HttpStatus status = switch (error.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.of(status, error.code(), error.message());
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
