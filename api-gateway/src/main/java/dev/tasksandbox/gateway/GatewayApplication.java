package dev.tasksandbox.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The only public entry of the system. Routing is configuration (application.yml); the code here is what
 * configuration cannot say: the edge rules ({@code edge}), the composed profile ({@code profile}) and the
 * problem-detail answers for failures of the gateway itself ({@code problems}).
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
