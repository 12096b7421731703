package org.understudy.infra.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code deploy/local/token <role> [ods-codes...]}: prints a token for the local stack, signed
 * with the key pair in {@code <state>/keys} (generated on first use).
 */
public final class TokenMain {
    static final Set<String> ROLES = Set.of("hr", "talent", "regulator", "viewer", "admin");

    public static void main(String[] args) {
        String keys = System.getProperty("understudy.keys", ".local/keys");
        if (args.length == 0 || !ROLES.contains(args[0])) {
            System.err.println("usage: deploy/local/token <hr|talent|regulator|viewer|admin> [ods-code ...]");
            System.err.println("  hr tokens may write only for the organisations named, e.g. deploy/local/token hr RJ1 RYJ");
            System.exit(2);
        }
        String role = args[0];
        List<String> orgs = Arrays.stream(args).skip(1).map(String::strip).filter(s -> !s.isEmpty()).toList();
        long hours = Long.getLong("understudy.token-hours", 8);
        TokenMinter minter = new TokenMinter(SigningKeys.loadOrCreate(Path.of(keys)));
        System.out.println(minter.mint(role, orgs, Duration.ofHours(hours)));
    }
}
