package dev.runtimeservice.manager.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import oshi.SystemInfo;

/** One OSHI entry point for everything that asks the OS about processes and ports. */
@Configuration(proxyBeanMethods = false)
class OshiConfiguration {

    /** Made at its first use: only where there is no /proc, and to name the process that holds a port. */
    @Bean
    @Lazy
    SystemInfo systemInfo() {
        return new SystemInfo();
    }
}
