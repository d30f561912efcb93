import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * The floor under a proxied read: what forwarding {@code GET /api/projects/{id}/tasks} costs on the libraries
 * api-gateway runs on, with less and less of the gateway around it. Run by bench/floor.sh on the class path of
 * api-gateway's own jar.
 *
 * <ul>
 *   <li>{@code netty-proxy}: Reactor Netty's server and client alone, the request's headers passed on and the
 *       answer's status, content type and body passed back;
 *   <li>{@code spring-cloud-gateway}: Spring Cloud Gateway with one route and nothing else: no load balancer,
 *       filters of its own, observations, access lines or limits.
 * </ul>
 */
public final class GatewayFloor {

    private GatewayFloor() {}

    public static void main(String[] args) {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        String upstream = args[2];
        switch (mode) {
            case "netty-proxy" -> nettyProxy(port, upstream);
            case "spring-cloud-gateway" ->
                SpringApplication.run(
                        GatewayAlone.class,
                        "--server.port=" + port,
                        "--spring.cloud.gateway.server.webflux.routes[0].id=projects",
                        "--spring.cloud.gateway.server.webflux.routes[0].uri=" + upstream,
                        "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/api/projects/**");
            default -> throw new IllegalArgumentException("netty-proxy or spring-cloud-gateway, not " + mode);
        }
    }

    private static void nettyProxy(int port, String upstream) {
        HttpClient client = HttpClient.create();
        HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle((request, response) -> client.headers(headers -> headers.add(request.requestHeaders())
                                .remove(HttpHeaderNames.HOST))
                        .get()
                        .uri(upstream + request.uri())
                        .response((answer, body) -> response.status(answer.status())
                                .header(
                                        HttpHeaderNames.CONTENT_TYPE,
                                        answer.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, ""))
                                .send(body.retain()))
                        .then())
                .bindNow()
                .onDispose()
                .block();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class,
        WebFluxAutoConfiguration.class,
        CodecsAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        SslAutoConfiguration.class,
        GatewayAutoConfiguration.class
    })
    static class GatewayAlone {}
}
