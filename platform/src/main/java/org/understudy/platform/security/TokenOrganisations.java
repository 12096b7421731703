package org.understudy.platform.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organisations (ODS codes) the request's token lists for an {@code hr} user: the {@code orgs}
 * claim, or the claim the identity provider names otherwise ({@code understudy.security.orgs-claim}).
 * Upper case, trimmed.
 */
@RequestScoped
public class TokenOrganisations {
    private final JsonWebToken token;
    private final String claim;

    public TokenOrganisations(JsonWebToken token,
                              @ConfigProperty(name = "understudy.security.orgs-claim", defaultValue = Roles.ORGS_CLAIM) String claim) {
        this.token = token;
        this.claim = claim;
    }

    /** The claim's name, for messages. */
    public String claim() {
        return claim;
    }

    public Set<String> codes() {
        Object value = token.getClaim(claim);
        Collection<?> values = value instanceof Collection<?> c ? c : value instanceof jakarta.json.JsonArray a ? a : java.util.List.of();
        return values.stream().map(TokenOrganisations::text).filter(s -> s != null && !s.isBlank())
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** True when the token lists this ODS code. */
    public boolean lists(String odsCode) {
        return odsCode != null && codes().contains(odsCode.strip().toUpperCase(Locale.ROOT));
    }

    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(value);
    }
}
