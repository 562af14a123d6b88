package dev.atomics.sample;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final RequestCountingInterceptor requestCounter;

    WebConfig(RequestCountingInterceptor requestCounter) {
        this.requestCounter = requestCounter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requestCounter).addPathPatterns("/api/**");
    }
}
