package dev.tasksandbox.gateway.edge;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The key a client's requests are counted under by the edge's limits: its IPv4 address, or its IPv6 /64
 * network, which one client typically holds whole. The address is the TCP peer
 * ({@code server.forward-headers-strategy: none}, so a client cannot name its own address in
 * {@code X-Forwarded-For}). Behind a load balancer, make it preserve the client address, or every client shares
 * the balancer's bucket.
 */
final class ClientAddress {

    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {}

    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : of(remote.getAddress());
    }

    static String of(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, IPV6_NETWORK_BYTES, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address.getHostAddress();
    }
}
