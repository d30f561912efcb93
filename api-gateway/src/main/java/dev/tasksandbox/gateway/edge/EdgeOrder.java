package dev.tasksandbox.gateway.edge;

import org.springframework.core.Ordered;

/**
 * The order of the edge filters, in one place: identify the request, answer CORS, bound the body, then limit
 * registrations and login attempts (the login limit reads the bounded body).
 */
final class EdgeOrder {

    static final int IDENTITY = Ordered.HIGHEST_PRECEDENCE;
    static final int CORS = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;
    static final int REGISTRATION_LIMIT = Ordered.HIGHEST_PRECEDENCE + 30;
    static final int LOGIN_LIMIT = Ordered.HIGHEST_PRECEDENCE + 40;

    private EdgeOrder() {}
}
