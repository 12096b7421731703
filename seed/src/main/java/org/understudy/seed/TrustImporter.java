package org.understudy.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.understudy.events.BoardRole;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads trusts into vacancy-service as organisations, each with a CHIEF_EXECUTIVE and a CHAIR post,
 * through its public API. Idempotent: an organisation that is already registered (409) is left as
 * it is, and only the posts it lacks are created, so a second run creates nothing.
 */
public final class TrustImporter {
    public static final List<BoardRole> ROLES = List.of(BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR);

    /** What a run did. {@code failures} are rows the service refused for reasons other than bad data. */
    public record Summary(int rows, int organisationsCreated, int organisationsPresent, int postsCreated, int postsPresent,
                          List<TrustCsv.BadRow> badRows, List<String> failures, double seconds) {
    }

    private final ApiClient vacancy;
    private final PrintStream out;
    private final boolean terminal;

    public TrustImporter(ApiClient vacancy, PrintStream out, boolean terminal) {
        this.vacancy = vacancy;
        this.out = out;
        this.terminal = terminal;
    }

    public Summary run(TrustCsv.Parsed parsed) {
        List<TrustCsv.BadRow> bad = new ArrayList<>(parsed.badRows());
        List<String> failures = new ArrayList<>();
        int[] counts = new int[4]; // organisations created, present; posts created, present
        Progress progress = new Progress(out, terminal, "import-trusts", parsed.trusts().size(),
                () -> String.format("organisations created %d, already present %d; posts created %d, already present %d; bad rows %d",
                        counts[0], counts[1], counts[2], counts[3], bad.size()));
        for (TrustCsv.BadRow row : parsed.badRows()) {
            progress.message("bad row, " + row);
        }
        for (TrustCsv.Trust trust : parsed.trusts()) {
            importOne(trust, counts, bad, failures, progress);
            progress.step();
        }
        progress.finish();
        bad.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Summary(parsed.trusts().size() + parsed.badRows().size(), counts[0], counts[1], counts[2], counts[3],
                List.copyOf(bad), List.copyOf(failures), progress.seconds());
    }

    private void importOne(TrustCsv.Trust trust, int[] counts, List<TrustCsv.BadRow> bad, List<String> failures, Progress progress) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("odsCode", trust.odsCode());
        body.put("name", trust.name());
        body.put("region", trust.region().name());
        body.put("organisationType", trust.type().name());
        body.put("foundationTrust", trust.foundationTrust());
        body.put("integratedCareBoardCode", trust.integratedCareBoardCode());
        ApiClient.Response created = vacancy.post("/api/v1/organisations", body);
        if (created.status() == 201) {
            counts[0]++;
        } else if (created.status() == 409) {
            counts[1]++;
        } else if (created.status() == 400) {
            TrustCsv.BadRow row = new TrustCsv.BadRow(trust.line(), "vacancy-service refused " + trust.odsCode() + ": " + created.problem());
            bad.add(row);
            progress.message("bad row, " + row);
            return;
        } else {
            fail(failures, progress, trust, "registering the organisation: " + created.problem());
            return;
        }
        ApiClient.Response posts = vacancy.get("/api/v1/posts?size=50&odsCode=" + URLEncoder.encode(trust.odsCode(), StandardCharsets.UTF_8));
        if (!posts.ok()) {
            fail(failures, progress, trust, "listing its posts: " + posts.problem());
            return;
        }
        Set<BoardRole> present = EnumSet.noneOf(BoardRole.class);
        for (JsonNode post : posts.body().path("items")) {
            try {
                present.add(BoardRole.valueOf(post.path("role").asText()));
            } catch (IllegalArgumentException e) {
                // a role this client does not know: not one it creates
            }
        }
        for (BoardRole role : ROLES) {
            if (present.contains(role)) {
                counts[3]++;
                continue;
            }
            ApiClient.Response post = vacancy.post("/api/v1/posts", Map.of("odsCode", trust.odsCode(), "role", role.name()));
            if (post.status() == 201) {
                counts[2]++;
            } else if (post.status() == 409) {
                counts[3]++;
            } else {
                fail(failures, progress, trust, "creating its " + role + " post: " + post.problem());
            }
        }
    }

    private static void fail(List<String> failures, Progress progress, TrustCsv.Trust trust, String what) {
        String message = "line " + trust.line() + " (" + trust.odsCode() + "): " + what;
        failures.add(message);
        progress.message("failed, " + message);
    }
}
