package dev.tasksandbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The collector a service JVM of the local stack runs on, asked of a real JVM started with the options {@link
 * ServiceProcess} gives it and the {@code JAVA_TOOL_OPTIONS} it would inherit.
 */
class ServiceJvmTest {

    @Test
    void a_service_runs_on_the_parallel_collector_when_nobody_chose_one() throws Exception {
        JvmAnswer jvm = startJvm("");

        assertThat(jvm.exitCode()).isZero();
        assertThat(jvm.output()).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseG1GC");
    }

    @Test
    void a_collector_chosen_in_JAVA_TOOL_OPTIONS_is_the_one_the_service_runs_on() throws Exception {
        JvmAnswer jvm = startJvm("-XX:+UseG1GC");

        assertThat(jvm.exitCode()).as(jvm.output()).isZero();
        assertThat(jvm.output()).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseParallelGC");
    }

    @Test
    void tool_options_that_choose_no_collector_keep_the_parallel_one() throws Exception {
        JvmAnswer jvm = startJvm("-Dio.netty.leakDetection.level=paranoid");

        assertThat(jvm.exitCode()).isZero();
        assertThat(jvm.output()).contains("-XX:+UseParallelGC");
    }

    private static JvmAnswer startJvm(String toolOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceProcess.jvmOptions(toolOptions));
        command.addAll(List.of("-XX:+PrintCommandLineFlags", "-version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new JvmAnswer(process.waitFor(), output);
    }

    private record JvmAnswer(int exitCode, String output) {}
}
