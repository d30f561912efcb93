package dev.tasksandbox.systemtests;

import dev.tasksandbox.localstack.ServiceProcess;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The role an accounts-service instance's relay reports on its management endpoint. */
final class RelayRole {

    private static final Pattern ROLE = Pattern.compile("\"role\":\"(\\w+)\"");

    private RelayRole() {}

    /** {@code active}, {@code standby}, {@code starting}, or {@code none} when the instance does not say. */
    static String of(ServiceProcess accounts) {
        Matcher role = ROLE.matcher(
                new Api(accounts.managementUrl()).get("/health/relay").body());
        return role.find() ? role.group(1) : "none";
    }
}
