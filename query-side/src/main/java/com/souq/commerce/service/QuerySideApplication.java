package com.souq.commerce.service;

import com.souq.commerce.platform.SouqApplication;
import org.springframework.boot.SpringApplication;

/** The query side as a service of its own (the compose setup): projectors, query handlers and the query API. */
@SouqApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
