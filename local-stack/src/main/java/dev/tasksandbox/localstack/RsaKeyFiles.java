package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RSA key pairs as PEM files, the form accounts-service reads its token signing key from: the private key in
 * PKCS#8 ({@code private.pem}, readable by the owner only) and the public key in X.509 ({@code public.pem}).
 */
public final class RsaKeyFiles {

    public static final String PRIVATE_KEY = "private.pem";
    public static final String PUBLIC_KEY = "public.pem";
    private static final int KEY_BITS = 3072;

    private RsaKeyFiles() {}

    /** Writes a new key pair into {@code directory} unless one is there already; returns the directory. */
    public static Path ensure(Path directory) {
        if (Files.exists(directory.resolve(PRIVATE_KEY))) {
            return directory;
        }
        return write(directory, generate());
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has RSA", e);
        }
    }

    public static Path write(Path directory, KeyPair pair) {
        try {
            Files.createDirectories(directory);
            Path privateKey = directory.resolve(PRIVATE_KEY);
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(
                    directory.resolve(PUBLIC_KEY),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the key pair to " + directory, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
