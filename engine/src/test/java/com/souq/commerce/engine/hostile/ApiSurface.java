package com.souq.commerce.engine.hostile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every operation under {@code /api/} the running engine serves: listed from its OpenAPI document, so an endpoint
 * added tomorrow is attacked without touching the corpus, and checked against Spring's handler mappings, so one the
 * document leaves out is attacked too (from its handler method's annotations). Who an operation admits comes from the
 * handler's {@code @PreAuthorize}, which the document does not carry.
 */
final class ApiSurface {

    static final List<String> ALL_ROLES = List.of("CUSTOMER", "VENDOR", "ADMIN", "SUPPORT", "AUDITOR", "ANALYST");
    private static final Pattern ROLE_CHECK = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private ApiSurface() {
    }

    static List<Endpoint> read(JsonNode document, RequestMappingHandlerMapping mappings) {
        JsonNode components = document.path("components").path("schemas");
        Map<RequestMappingInfo, HandlerMethod> handlers = mappings.getHandlerMethods();
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> described = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey()) || !path.getKey().startsWith("/api/")) {
                return;
            }
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            HandlerMethod handler = handlerOf(handlers, method, path.getKey());
            endpoints.add(fromDocument(method, path.getKey(), operation.getValue(), components, handler));
            described.add(method + " " + path.getKey());
        }));
        handlers.forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (pattern.startsWith("/api/") && !described.contains(method.name() + " " + pattern)) {
                        endpoints.add(fromHandler(method.name(), pattern, handler));
                    }
                }
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static Endpoint fromDocument(String method, String path, JsonNode operation, JsonNode components,
                                         HandlerMethod handler) {
        List<Endpoint.Parameter> parameters = new ArrayList<>();
        boolean freeQuery = false;
        for (JsonNode parameter : operation.path("parameters")) {
            Schema schema = Schema.of(parameter.path("schema"), components);
            if (parameter.path("in").asString().equals("query") && schema.kind() == Schema.Kind.MAP) {
                freeQuery = true;
                continue;
            }
            parameters.add(new Endpoint.Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                    parameter.path("required").asBoolean(false), schema));
        }
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        boolean hasBody = operation.has("requestBody");
        return new Endpoint(method, path, parameters, hasBody, hasBody ? Schema.of(body, components) : null,
                Schema.nameOf(body), freeQuery, handler == null ? new Endpoint.Access(true, ALL_ROLES)
                : accessOf(handler), true);
    }

    /** An operation the document does not describe, read from its handler method's annotations. */
    private static Endpoint fromHandler(String method, String path, HandlerMethod handler) {
        List<Endpoint.Parameter> parameters = new ArrayList<>();
        boolean hasBody = false;
        boolean freeQuery = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                hasBody = true;
            }
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            if (query != null) {
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    freeQuery = true;
                } else {
                    parameters.add(new Endpoint.Parameter(name(query.name(), parameter), "query", query.required()
                            && query.defaultValue().equals(ValueConstants.DEFAULT_NONE), null));
                }
            }
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null) {
                parameters.add(new Endpoint.Parameter(name(header.name(), parameter), "header", header.required(),
                        null));
            }
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable != null) {
                parameters.add(new Endpoint.Parameter(name(variable.name(), parameter), "path", true, null));
            }
        }
        return new Endpoint(method, path, parameters, hasBody, null, null, freeQuery, accessOf(handler), false);
    }

    private static String name(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    private static HandlerMethod handlerOf(Map<RequestMappingInfo, HandlerMethod> handlers, String method,
                                           String path) {
        return handlers.entrySet().stream()
                .filter(entry -> entry.getKey().getPatternValues().contains(path)
                        && entry.getKey().getMethodsCondition().getMethods().stream()
                        .anyMatch(candidate -> candidate.name().equals(method)))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The roles named by the handler's {@code @PreAuthorize} (method, else class); none: open to anyone. */
    static Endpoint.Access accessOf(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return new Endpoint.Access(true, ALL_ROLES);
        }
        String expression = rule.value().strip();
        if (expression.equals("isAuthenticated()")) {
            return new Endpoint.Access(false, ALL_ROLES);
        }
        Matcher matcher = ROLE_CHECK.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalStateException("The corpus cannot tell who " + handler + " admits from @PreAuthorize(\""
                    + expression + "\"): teach ApiSurface.accessOf this expression");
        }
        List<String> roles = Arrays.stream(matcher.group(1).split(","))
                .map(role -> role.strip().replace("'", "").replace("\"", ""))
                .toList();
        return new Endpoint.Access(false, roles);
    }
}
