package com.souq.commerce.service;

import com.souq.commerce.platform.SouqApplication;
import org.springframework.boot.SpringApplication;

/** The command side as a service of its own (the compose setup): aggregates and the HTTP command API. */
@SouqApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
