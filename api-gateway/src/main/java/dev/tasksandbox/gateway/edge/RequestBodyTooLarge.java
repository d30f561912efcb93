package dev.tasksandbox.gateway.edge;

/** A request body over the gateway's limit: 413. */
public final class RequestBodyTooLarge extends RuntimeException {

    public RequestBodyTooLarge(long maxBytes) {
        super("The request body is larger than the limit of " + maxBytes + " bytes");
    }
}
