package io.metasystem.mlcore.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock of the service (UTC): every "now" and "today" in the main code comes from this bean (jobs, leases,
 * the registry, the store, the connector, webhooks, default date ranges); tests replace it to move time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
