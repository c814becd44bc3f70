package io.metasystem.mlcore.testing;

import io.metasystem.mlcore.meta.InsightSink;
import io.metasystem.mlcore.meta.RecommendationSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link TestRecommendations} in front of the store's recommendation source and {@link CapturingInsightSink} in
 * front of its insights importer, in every context of the Meta profiles: one set of beans for all their test classes,
 * so Spring's context cache serves them one context. Only the plain adapters (a lambda or a class implementing just
 * that interface) are wrapped, so a service that also implements the interface keeps its type.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MetaTestDoubles {

    @Bean
    static BeanPostProcessor wrapMetaAdapters() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!plainAdapter(bean)) {
                    return bean;
                }
                if (bean instanceof RecommendationSource source) {
                    return new TestRecommendations(source);
                }
                if (bean instanceof InsightSink sink) {
                    return new CapturingInsightSink(sink);
                }
                return bean;
            }
        };
    }

    private static boolean plainAdapter(Object bean) {
        Class<?> type = bean.getClass();
        return type.getSuperclass() == Object.class
                && type.getInterfaces().length == 1
                && !type.getPackageName().equals(MetaTestDoubles.class.getPackageName());
    }
}
