package com.souq.commerce.platform.axon;

import static com.souq.commerce.platform.axon.AxonInfrastructureConfiguration.CORRELATION_ID;
import static com.souq.commerce.platform.axon.AxonInfrastructureConfiguration.ROLES;
import static com.souq.commerce.platform.axon.AxonInfrastructureConfiguration.SUBJECT;

import com.souq.commerce.shared.error.DomainError;
import com.souq.commerce.shared.error.DomainRuleViolation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.MDC;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Two interceptors on the command bus. On dispatch, the signed-in subject, its roles and the request's correlation id
 * become metadata (Axon's correlation providers then copy them onto every event the command causes). On handling,
 * a refused command becomes a {@link CommandExecutionException} carrying a {@link DomainError}, so the HTTP edge
 * answers the same problem whether the aggregate lives in this process or behind Axon Server.
 */
@Component
class CommandBusInterceptors implements SmartInitializingSingleton {

    private final CommandBus commandBus;

    CommandBusInterceptors(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerDispatchInterceptor(requestMetadata());
        commandBus.registerHandlerInterceptor(domainErrors());
    }

    static MessageDispatchInterceptor<CommandMessage<?>> requestMetadata() {
        return messages -> (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !command.getMetaData().containsKey(SUBJECT)) {
                metadata.put(SUBJECT, authentication.getName());
                List<String> roles = authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith("ROLE_"))
                        .map(authority -> authority.substring("ROLE_".length()))
                        .sorted()
                        .toList();
                metadata.put(ROLES, String.join(",", roles));
            }
            String correlationId = MDC.get(CORRELATION_ID);
            if (correlationId != null && !command.getMetaData().containsKey(CORRELATION_ID)) {
                metadata.put(CORRELATION_ID, correlationId);
            }
            return metadata.isEmpty() ? command : command.andMetaData(metadata);
        };
    }

    static MessageHandlerInterceptor<CommandMessage<?>> domainErrors() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainRuleViolation violation) {
                throw new CommandExecutionException(violation.getMessage(), violation, violation.toError());
            } catch (AggregateNotFoundException notFound) {
                throw new CommandExecutionException(notFound.getMessage(), notFound,
                        new DomainError(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                                "No " + aggregateName(unitOfWork.getMessage()) + " with id "
                                        + notFound.getAggregateIdentifier()));
            } catch (ConflictingAggregateVersionException stale) {
                throw new CommandExecutionException(stale.getMessage(), stale,
                        new DomainError(DomainRuleViolation.Kind.CONFLICT, "STALE_VERSION",
                                "The expected version " + stale.getExpectedVersion()
                                        + " is stale: the current version is " + stale.getActualVersion()));
            }
        };
    }

    /** Commands live in {@code com.souq.commerce.<context>.api}: the context names the aggregate. */
    private static String aggregateName(CommandMessage<?> command) {
        String[] packages = command.getCommandName().split("\\.");
        return packages.length > 3 ? packages[3] : "aggregate";
    }
}
