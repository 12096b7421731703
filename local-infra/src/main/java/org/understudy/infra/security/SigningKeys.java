package org.understudy.infra.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for signing tokens locally and in tests, kept as two PEM files in a folder:
 * {@code jwt-private.pem} (PKCS#8, readable by the owner only) and {@code jwt-public.pem} (X.509),
 * the file the services are pointed at ({@code mp.jwt.verify.publickey.location}).
 */
public final class SigningKeys {
    public static final String PRIVATE_FILE = "jwt-private.pem";
    public static final String PUBLIC_FILE = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private SigningKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Loads the pair from the folder, generating it there first if it is not there yet. */
    public static synchronized SigningKeys loadOrCreate(Path folder) {
        try {
            Path privateFile = folder.resolve(PRIVATE_FILE);
            Path publicFile = folder.resolve(PUBLIC_FILE);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                generate(folder, privateFile, publicFile);
            }
            byte[] der = pemBody(Files.readString(privateFile));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKeys(key, publicFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not load or create the signing keys in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A fresh pair that no service trusts: for the "wrong signature" case. */
    public static PrivateKey strangerKey() {
        return newPair().getPrivate();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    private static void generate(Path folder, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(folder);
        KeyPair pair = newPair();
        Path tmpPrivate = Files.createTempFile(folder, "jwt-private", ".tmp");
        try {
            Files.setPosixFilePermissions(tmpPrivate, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        // The private file appears last and whole, so a concurrent reader never sees half a pair.
        Files.move(tmpPrivate, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
