package dev.mcpstack.common.testapp;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.client.ReactorResourceFactory;

/** A stand-in service with a tiny table, so mcp-common is tested the way the real services use it. */
@SpringBootApplication
public class TestApp {

    /** For {@code @SpringBootTest(properties = CONFIG_NAME)}: reads test-mcp.yaml. */
    public static final String CONFIG_NAME = "spring.config.name=test-mcp";

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(TestApp.class);
        application.setDefaultProperties(Map.of("spring.config.name", "test-mcp"));
        return application;
    }

    /**
     * The application for tests that start and stop it by hand: like Boot's test support, it keeps Reactor Netty's
     * JVM-global event loops out of the context, or closing it would cut the R2DBC connections of every other
     * context in the test JVM.
     */
    public static SpringApplication isolatedApplication() {
        SpringApplication application = application();
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ReactorResourceFactory factory) {
                    factory.setUseGlobalResources(false);
                }
                return bean;
            }
        }));
        return application;
    }
}
