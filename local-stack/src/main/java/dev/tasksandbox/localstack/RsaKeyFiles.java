package dev.tasksandbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
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

    /** The key pair {@link #write} wrote into {@code directory}. */
    public static KeyPair read(Path directory) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(der(directory.resolve(PUBLIC_KEY)))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(der(directory.resolve(PRIVATE_KEY)))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA key pair in " + directory, e);
        }
    }

    private static byte[] der(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "");
            return Base64.getMimeDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pem, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
