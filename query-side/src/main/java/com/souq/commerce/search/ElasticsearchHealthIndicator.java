package com.souq.commerce.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Readiness depends on the search cluster: green or yellow is up, red or unreachable is down. */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = client.cluster().health();
        builder.withDetail("cluster", health.clusterName()).withDetail("status", health.status().jsonValue());
        if (health.status() == HealthStatus.Red) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
