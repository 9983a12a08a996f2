package com.souq.commerce.operations.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The ops page ({@code /ops/}): a static page, plain HTML and JavaScript served from {@code static/ops}, that calls
 * the admin API with the bearer token its user pastes. The page itself holds nothing secret, so it is served without
 * a token; every call it makes needs one with role SUPPORT or ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class OpsPage implements WebMvcConfigurer {

    @Bean
    @Order(0)
    SecurityFilterChain opsPageFiles(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                        && (request.getRequestURI().equals("/ops") || request.getRequestURI().startsWith("/ops/")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ops", "/ops/index.html");
        registry.addRedirectViewController("/ops/", "/ops/index.html");
    }
}
