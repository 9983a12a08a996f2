package com.souq.commerce.engine.hostile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the API as the corpus attacks it: method, path template, parameters, body schema (null when it
 * takes no body or the document does not describe it) and who it admits.
 *
 * @param freeQuery the operation takes any query parameter as a map ({@code @RequestParam Map}): the document names
 *                  none, so the corpus falls back to a list of the parameters it knows
 * @param described whether the OpenAPI document describes the operation (otherwise it was found in the handler mappings
 *                  only)
 */
record Endpoint(String method, String path, List<Parameter> parameters, boolean hasBody, Schema body, String bodyName,
                boolean freeQuery, Access access, boolean described) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    record Parameter(String name, String in, boolean required, Schema schema) {
    }

    /** Who may call: anyone (no token needed) or holders of one of the roles. */
    record Access(boolean anonymous, List<String> roles) {
    }

    List<String> pathVariables() {
        Matcher matcher = VARIABLE.matcher(path);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    List<Parameter> in(String location) {
        return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
    }

    boolean declaresHeader(String name) {
        return in("header").stream().anyMatch(header -> header.name().equalsIgnoreCase(name));
    }

    boolean requiresHeader(String name) {
        return in("header").stream().anyMatch(header -> header.name().equalsIgnoreCase(name) && header.required());
    }

    boolean isQuery() {
        return method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
