package dev.tasksandbox.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The requests of a service's API that need no access token. A service declares one bean of this type; without
 * one, every request of its API needs a token. On an open request a bearer token is not even read, so a client
 * that sends its expired token everywhere can still log in, refresh it, register or fetch the keys.
 */
public final class OpenRequests {

    private final List<ServerWebExchangeMatcher> matchers;

    private OpenRequests(List<ServerWebExchangeMatcher> matchers) {
        this.matchers = List.copyOf(matchers);
    }

    public static OpenRequests none() {
        return new OpenRequests(List.of());
    }

    /** These paths (Spring path patterns), for this method. */
    public static OpenRequests of(HttpMethod method, String... paths) {
        return none().and(method, paths);
    }

    public OpenRequests and(HttpMethod method, String... paths) {
        List<ServerWebExchangeMatcher> more = new ArrayList<>(matchers);
        more.add(ServerWebExchangeMatchers.pathMatchers(method, paths));
        return new OpenRequests(more);
    }

    /** These requests, or {@code always} (the API's own description, which every service publishes). */
    ServerWebExchangeMatcher matcher(ServerWebExchangeMatcher always) {
        List<ServerWebExchangeMatcher> all = new ArrayList<>(matchers);
        all.add(always);
        return new OrServerWebExchangeMatcher(all);
    }
}
