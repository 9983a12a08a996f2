package com.souq.commerce.account.command.web;

import com.souq.commerce.account.command.SignInRefused;
import com.souq.commerce.account.command.TooManyAttempts;
import com.souq.commerce.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The account endpoints' own refusals: 429 with {@code Retry-After}, and 401 for a sign-in or refresh refused. */
@RestControllerAdvice(basePackageClasses = AccountProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttempts refused) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, refused.code(), refused.getMessage()));
    }

    @ExceptionHandler(SignInRefused.class)
    ResponseEntity<ProblemDetail> refused(SignInRefused refused) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, refused.code(), refused.getMessage()));
    }
}
