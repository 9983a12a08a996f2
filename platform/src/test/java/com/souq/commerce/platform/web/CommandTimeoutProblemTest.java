package com.souq.commerce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A command that did not finish in time is a 503 the client may retry, never a 500. */
class CommandTimeoutProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aTimedOutCommandIsAServiceUnavailableProblemWithRetryAfter() {
        ResponseEntity<Object> answer = advice.timedOut(new TimeoutException());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "COMMAND_TIMED_OUT");
    }

    @Test
    void aTimeoutInsideACommandFailureIsTheSameProblem() {
        ResponseEntity<Object> answer = advice.commandFailed(
                new CommandExecutionException("late", new TimeoutException()));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "COMMAND_TIMED_OUT");
    }
}
