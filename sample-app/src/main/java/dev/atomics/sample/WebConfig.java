package dev.atomics.sample;

import dev.atomics.AtomicInt;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    /** {@code requests} counts every request to {@code /api/**}: the servlet pattern {@code /api/*} covers them all. */
    @Bean
    FilterRegistrationBean<RequestCountingFilter> requestCounter(@Qualifier("requests") AtomicInt requests) {
        FilterRegistrationBean<RequestCountingFilter> registration =
                new FilterRegistrationBean<>(new RequestCountingFilter(requests));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
