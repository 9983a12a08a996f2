package com.souq.commerce.platform.security;

import com.souq.commerce.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security: every API request carries a signed JWT whose {@code sub} is the actor and whose
 * {@code roles} claim grants {@link Role}s; each endpoint names the roles it admits ({@code @PreAuthorize}).
 * Without a token the answer is 401, with the wrong role 403, both as problem details. Health probes, metrics,
 * the OpenAPI document, payment providers' webhooks (signed by the provider), the account endpoints that carry their
 * own credentials ({@code /api/v1/auth/**}), the public signing keys and the development token endpoint (when enabled)
 * are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, JwtProperties properties) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                            "/error").permitAll();
                    // The storefront's catalog: anyone may browse and search; a token, when sent, is still checked.
                    requests.requestMatchers(HttpMethod.GET, "/api/v1/search/**", "/api/v1/listings/**").permitAll();
                    // Payment providers call back without a token: each webhook checks its own signature.
                    requests.requestMatchers(HttpMethod.POST, "/api/v1/payments/webhooks/**").permitAll();
                    // Accounts: registration, sign-in, token refresh, sign-out, verification and reset carry no bearer
                    // token (their own credentials are in the body); the public signing keys are public.
                    requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/**").permitAll();
                    requests.requestMatchers(HttpMethod.GET, JwksController.PATH).permitAll();
                    if (properties.devTokens()) {
                        requests.requestMatchers(HttpMethod.POST, DevTokenController.PATH).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(singleBearerToken())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, failure) ->
                                writeProblem(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                        "A valid bearer token is required"))
                        .accessDeniedHandler((request, response, denied) ->
                                writeProblem(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                        "Your roles do not allow this request")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) ->
                                writeProblem(response, json, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                        "A valid bearer token is required"))
                        .accessDeniedHandler((request, response, denied) ->
                                writeProblem(response, json, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                        "Your roles do not allow this request")))
                .build();
    }

    @Bean
    SigningKeys signingKeys(JwtProperties properties) {
        return SigningKeys.from(properties);
    }

    /**
     * Access tokens of signed-in accounts are RS256, signed by one of {@link SigningKeys} (named by {@code kid});
     * development tokens are HS256 with {@code souq.security.jwt.secret}, accepted only while that is set. Both must
     * carry our issuer and be unexpired.
     *
     * <p>The issuer claim is read as the text it is: Spring's default claim mapping first tries it as a URL, and for
     * our {@code souq-engine} that threw and caught an exception on every request (10,475 in one append benchmark,
     * JFR). A token verified once is remembered ({@link VerifiedTokens}); its times and issuer are checked every time.
     */
    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, SigningKeys keys) {
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()));
        MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString()));
        NimbusJwtDecoder rsa = (NimbusJwtDecoder) keys.decoder();
        rsa.setJwtValidator(validator);
        rsa.setClaimSetConverter(claims);
        NimbusJwtDecoder hmac = null;
        if (properties.secret() != null && !properties.secret().isBlank()) {
            hmac = NimbusJwtDecoder.withSecretKey(signingKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
            hmac.setJwtValidator(validator);
            hmac.setClaimSetConverter(claims);
        }
        NimbusJwtDecoder development = hmac;
        JwtDecoder verifier = token -> {
            String algorithm;
            try {
                algorithm = JWTParser.parse(token).getHeader().getAlgorithm().getName();
            } catch (java.text.ParseException | RuntimeException unreadable) {
                throw new BadJwtException("Malformed token");
            }
            if ("RS256".equals(algorithm)) {
                return rsa.decode(token);
            }
            if ("HS256".equals(algorithm) && development != null) {
                return development.decode(token);
            }
            throw new BadJwtException("Unsupported token algorithm");
        };
        return new VerifiedTokens(verifier, validator, 10_000);
    }

    static SecretKey signingKey(JwtProperties properties) {
        if (properties.secret() == null || properties.secret().isBlank()) {
            throw new IllegalStateException("Set souq.security.jwt.secret (env SOUQ_SECURITY_JWT_SECRET) to a "
                    + "base64 key of at least 32 bytes: the engine does not run without a token signing key");
        }
        byte[] key = Base64.getDecoder().decode(properties.secret());
        if (key.length < 32) {
            throw new IllegalStateException("souq.security.jwt.secret must decode to at least 32 bytes");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The bearer token of a request with exactly one {@code Authorization} header. Spring reads only the first of
     * several, so a request carrying a valid token and another credential would pass as the first while a proxy in
     * front may have judged the second: a request with more than one is refused (401).
     */
    private static BearerTokenResolver singleBearerToken() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> {
            Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
            if (headers != null && headers.hasMoreElements()) {
                headers.nextElement();
                if (headers.hasMoreElements()) {
                    throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(
                            "Found more than one Authorization header"));
                }
            }
            return resolver.resolve(request);
        };
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void writeProblem(HttpServletResponse response, JsonMapper json, HttpStatus status, String code,
                                     String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
