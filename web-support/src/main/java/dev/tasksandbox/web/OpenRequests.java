package dev.tasksandbox.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests of a service's API that need no access token. A service declares one bean of this type; without
 * one, every request of its API needs a token. On an open request a bearer token is not even read, so a client
 * that sends its expired token everywhere can still log in, refresh it, register or fetch the keys.
 *
 * <p>Every request is tested against these twice (before its token is read, then to authorise it), so the test is
 * one loop over parsed patterns. Spring Security's {@code OrServerWebExchangeMatcher} would run a Flux per test and
 * format a debug message for each pattern tried, whatever the log level (commons-logging's SLF4J bridge renders a
 * message before the logger looks at its level): about 1 % of a read's CPU in projects-service.
 */
public final class OpenRequests {

    /** The API's own description, open in every service: the gateway fetches it for its Swagger UI. */
    private static final OpenRequests API_DOCUMENT =
            new OpenRequests(List.of()).and(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**");

    private final List<Route> routes;

    private OpenRequests(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static OpenRequests none() {
        return API_DOCUMENT;
    }

    /** These paths (Spring path patterns, as Spring Security's path matchers read them), for this method. */
    public static OpenRequests of(HttpMethod method, String... paths) {
        return none().and(method, paths);
    }

    public OpenRequests and(HttpMethod method, String... paths) {
        List<Route> more = new ArrayList<>(routes);
        for (String path : paths) {
            more.add(new Route(method, PathPatternParser.defaultInstance.parse(path)));
        }
        return new OpenRequests(more);
    }

    /** Whether {@code request} is one of these: its method, and its path within the application. */
    boolean includes(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        for (Route route : routes) {
            if (route.method.equals(request.getMethod()) && route.path.matches(path)) {
                return true;
            }
        }
        return false;
    }

    ServerWebExchangeMatcher matcher() {
        return exchange -> includes(exchange.getRequest())
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private record Route(HttpMethod method, PathPattern path) {}
}
