package dev.atomics.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.atomics.AtomicInt;
import dev.atomics.UnsupportedOpException;
import dev.atomics.spring.boot.AtomicsRegistry;
import dev.atomics.spring.boot.autoconfigure.AtomicsAutoConfiguration;
import dev.atomics.spring.boot.autoconfigure.AtomicsWebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** An application's controller gets the endpoint's status table, as ProblemDetail bodies, once it opts in. */
class AtomicsProblemDetailsTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AtomicsAutoConfiguration.class, AtomicsWebAutoConfiguration.class))
            .withUserConfiguration(Mvc.class, Counters.class)
            .withPropertyValues(
                    "atomics.instances.hits.type=int",
                    "atomics.instances.tiny.type=uint",
                    "atomics.instances.tiny.width=1");

    @Test
    void optIn() {
        runner.run(context -> assertThat(context).doesNotHaveBean(AtomicsProblemDetails.class));
        runner.withPropertyValues("atomics.web.problem-details=true")
                .run(context -> assertThat(context).hasSingleBean(AtomicsProblemDetails.class));
    }

    @Test
    void theLibrarysExceptionsBecomeProblems() {
        runner.withPropertyValues("atomics.web.problem-details=true").run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            mvc.perform(get("/counters/hits"))
                    .andExpect(status().isOk())
                    .andExpect(content().string("1"));
            mvc.perform(get("/counters/nope"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.title").value("Unknown atomic"))
                    .andExpect(
                            jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no atomic named 'nope'")))
                    .andExpect(jsonPath("$.exception").value("UnknownAtomicException"));
            mvc.perform(get("/counters/hits/refused"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("not today"));
            mvc.perform(get("/counters/tiny/add/300"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.exception").value("OperandRangeException"));
        });
    }

    @Test
    void withoutItTheApplicationAnswersAsBefore() {
        runner.run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> mvc.perform(get("/counters/nope"))))
                    .hasRootCauseInstanceOf(dev.atomics.spring.boot.UnknownAtomicException.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Mvc {}

    @RestController
    static class Counters {
        private final AtomicsRegistry registry;

        Counters(AtomicsRegistry registry) {
            this.registry = registry;
        }

        @GetMapping("/counters/{name}")
        long inc(@PathVariable String name) {
            return registry.get(name, AtomicInt.class).fetchInc() + 1;
        }

        @GetMapping("/counters/{name}/refused")
        long refused(@PathVariable String name) {
            throw new UnsupportedOpException("not today");
        }

        @GetMapping("/counters/{name}/add/{n}")
        long add(@PathVariable String name, @PathVariable long n) {
            return registry.get(name, dev.atomics.AtomicUint.class).fetchAdd(n);
        }
    }
}
