package dev.tasksandbox.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's files the tests read: the manifests, the services' application.yml and sources, the Dockerfile and
 * the README. Maven sets {@code stack.root} to the repository's root; run from this module's directory, it is
 * {@code ..}.
 */
final class StackFiles {

    static final Path ROOT =
            Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();

    private StackFiles() {}

    /** The text of the file at {@code relative} to the repository's root. */
    static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative));
    }
}
