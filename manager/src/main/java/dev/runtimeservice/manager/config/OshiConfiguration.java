package dev.runtimeservice.manager.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import oshi.SystemInfo;

/** One OSHI entry point for everything that asks the OS about processes and ports. */
@Configuration(proxyBeanMethods = false)
class OshiConfiguration {

    @Bean
    SystemInfo systemInfo() {
        return new SystemInfo();
    }
}
