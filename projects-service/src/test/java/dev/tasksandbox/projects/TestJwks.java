package dev.tasksandbox.projects;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.tasksandbox.testkit.TokenForge;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for accounts-service's JWKS endpoint over real HTTP, so tests can rotate keys or make the endpoint
 * fail while projects-service runs.
 */
public final class TestJwks {

    private final HttpServer server;
    private volatile List<KeyPair> published = List.of();
    private volatile boolean failing;
    private final AtomicInteger requests = new AtomicInteger();

    private TestJwks(HttpServer server) {
        this.server = server;
    }

    public static TestJwks start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            TestJwks jwks = new TestJwks(server);
            server.createContext("/.well-known/jwks.json", exchange -> {
                jwks.requests.incrementAndGet();
                byte[] body = jwks.failing ? "unavailable".getBytes(StandardCharsets.UTF_8) : jwks.json();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(jwks.failing ? 503 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://localhost:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public void publish(KeyPair... keys) {
        published = Arrays.asList(keys);
    }

    /** While failing, the endpoint answers 503, as accounts would while it is down behind a proxy. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    public void stop() {
        server.stop(0);
    }

    /** How many times the keys were asked for. */
    public int requests() {
        return requests.get();
    }

    public static String keyId(KeyPair keys) {
        return TokenForge.keyId(keys);
    }

    private byte[] json() {
        List<JWK> keys = published.stream().map(pair -> (JWK) jwk(pair)).toList();
        return new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
    }

    private static RSAKey jwk(KeyPair keys) {
        return new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(keyId(keys))
                .build();
    }
}
