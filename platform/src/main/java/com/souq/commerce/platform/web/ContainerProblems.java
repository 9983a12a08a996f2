package com.souq.commerce.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests itself, before any filter or servlet runs: an encoded slash, backslash or NUL in the
 * path, a path that is not valid UTF-8, a request line or headers beyond the size limit. Its default answer is an
 * HTML page; this replaces the host's error report valve with one that answers problem details, with a correlation id
 * of their own (nothing behind it could have written anything). The refusals themselves stay: encoded slashes are
 * still rejected, not decoded.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** After Boot's own customizer, which adds the default valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report as problem details; instantiated by the host, so it has a public constructor. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = Problems.codeForStatus(known == null ? HttpStatus.valueOf(500) : known);
            String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
            if (correlationId == null) {
                correlationId = UUID.randomUUID().toString();
                response.setHeader(CorrelationIdFilter.HEADER, correlationId);
            }
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status < 500 ? "The request was refused before it reached the engine: " + title
                    : "The engine failed to process the request; quote the correlation id to support";
            String json = "{\"type\":\"urn:problem-type:souq:" + code.toLowerCase(Locale.ROOT)
                    .replace('_', '-') + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                    + detail + "\",\"code\":\"" + code + "\",\"correlationId\":\"" + correlationId + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client is gone or the response is committed: nothing more to say.
            }
        }
    }
}
