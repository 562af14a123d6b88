package dev.atomics.spring.boot.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the integration tests: nothing but auto-configuration. */
@SpringBootApplication
public class TestApplication {}
