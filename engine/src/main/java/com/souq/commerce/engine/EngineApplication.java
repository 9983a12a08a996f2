package com.souq.commerce.engine;

import com.souq.commerce.platform.SouqApplication;
import org.springframework.boot.SpringApplication;

/**
 * The whole engine in one process: command side, sagas and query side. Without a configured database or
 * Elasticsearch it starts its own (see {@link EmbeddedInfrastructure}), so a fresh clone runs with one command.
 */
@SouqApplication
public class EngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(EngineApplication.class, args);
    }
}
