package com.souq.commerce.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, for refusals that happen before Spring MVC: Spring Security's firewall (a
 * path that is not normalized, holds {@code ;}, {@code //}, an encoded {@code %}, CR or LF), a method the container
 * refuses (TRACE), an error sent by a filter. Answers the same problem details as everything else instead of Boot's
 * {@code {"timestamp", "error", "path"}}, keeping the correlation id the request was given, or giving it one.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                && HttpStatus.resolve(value).isError() ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = Problems.of(status, Problems.codeForStatus(status), status.is4xxClientError()
                ? "The request was refused before it reached the engine: " + status.getReasonPhrase()
                : "The engine failed to process the request; quote the correlation id to support");
        String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        }
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
