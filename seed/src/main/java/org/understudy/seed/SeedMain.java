package org.understudy.seed;

import org.understudy.seed.generate.PipelineExecutor;
import org.understudy.seed.generate.PipelinePlan;
import org.understudy.seed.generate.PipelinePlanner;
import org.understudy.seed.generate.PlanStatistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line:
 * <pre>
 *   SeedMain import-trusts      [--vacancy-url URL] [--file trusts.csv]
 *   SeedMain generate-pipeline  [--vacancy-url URL] [--candidate-url URL] [--seed N] [--candidates N] [--parallel N]
 *                               [--history] [--through-imports] [--plan-only]
 * </pre>
 * Exit status: 0 done (bad rows and refused calls are reported, not fatal), 1 a service could not be
 * reached (or kept failing), 2 a usage error or an unreadable file.
 */
public final class SeedMain {
    public static final String BUNDLED_TRUSTS = "/nhs-trusts.csv";
    static final String USAGE = """
            usage:
              SeedMain import-trusts [--vacancy-url URL] [--file trusts.csv]
                  Registers each trust of the file in vacancy-service, with a CHIEF_EXECUTIVE and a CHAIR post.
                  Idempotent. Default file: the bundled nhs-trusts.csv (202 NHS trusts in England).
              SeedMain generate-pipeline [--vacancy-url URL] [--candidate-url URL] [--seed N] [--candidates N] [--parallel N] [--history]
                                 [--through-imports] [--plan-only]
                  Generates a leadership pipeline for the organisations in vacancy-service: oversight segments,
                  incumbents, candidates, readiness, fit and proper, mobility, nominations, exits, vacancies.
                  Same seed, same data. Skipped when candidate-service already holds candidates.
                  --parallel N writes N candidates at a time (default 1: every call in the plan's order; with more,
                  each candidate's calls keep their order and the data is the same).
                  --history adds years of each candidate's past (earlier readiness assessments, yearly fit and proper
                  checks): the national stress set, --candidates 20000 --history, makes over 500,000 events.
                  --through-imports writes the candidates and their records, incumbencies, exits and nominations as
                  import files (a file per kind, each record with its own dates) instead of a call per record; the
                  vacancies and applications are imported either way. --parallel then sets how many candidate ids are
                  asked at once.
                  --plan-only prints what the plan would create, without calling the services' write APIs.
              Defaults: --vacancy-url http://127.0.0.1:8081 --candidate-url http://127.0.0.1:8082 --seed 42 --candidates 2000
            exit status: 0 done, 1 a service could not be reached, 2 usage error or unreadable file
            """;

    private SeedMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Progress.onTerminal()));
    }

    /** Runs a command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options;
        try {
            options = options(args, args[0].equals("generate-pipeline") ? List.of("--plan-only", "--history", "--through-imports") : List.of());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "import-trusts" -> importTrusts(options, out, err, terminal);
                case "generate-pipeline" -> generate(options, out, err, terminal);
                default -> {
                    err.println("unknown command: " + args[0]);
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (ApiClient.ServiceUnreachableException e) {
            out.flush();
            err.println();
            err.println("Stopped: " + e.getMessage());
            return 1;
        }
    }

    private static int importTrusts(Map<String, String> options, PrintStream out, PrintStream err, boolean terminal) {
        allow(options, "--vacancy-url", "--file");
        String url = options.getOrDefault("--vacancy-url", "http://127.0.0.1:8081");
        String file = options.get("--file");
        TrustCsv.Parsed parsed;
        try (Reader reader = open(file)) {
            parsed = TrustCsv.parse(reader);
        } catch (IOException e) {
            err.println("Cannot read " + (file == null ? "the bundled nhs-trusts.csv" : file) + ": " + e.getMessage());
            return 2;
        }
        out.printf("Importing %d trusts from %s into %s%n", parsed.trusts().size() + parsed.badRows().size(),
                file == null ? "the bundled nhs-trusts.csv" : file, url);
        TrustImporter.Summary s = new TrustImporter(new ApiClient(url), out, terminal).run(parsed);
        out.printf("Done in %.1f s: %d rows; organisations created %d, already present %d; posts created %d, already present %d; "
                        + "bad rows %d%s%n", s.seconds(), s.rows(), s.organisationsCreated(), s.organisationsPresent(), s.postsCreated(),
                s.postsPresent(), s.badRows().size(), s.failures().isEmpty() ? "" : "; failed " + s.failures().size());
        for (TrustCsv.BadRow row : s.badRows()) {
            out.println("  bad row, " + row);
        }
        for (String failure : s.failures()) {
            out.println("  failed, " + failure);
        }
        return 0;
    }

    private static Reader open(String file) throws IOException {
        if (file != null) {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        }
        InputStream in = SeedMain.class.getResourceAsStream(BUNDLED_TRUSTS);
        if (in == null) {
            throw new IOException("the bundled nhs-trusts.csv is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static int generate(Map<String, String> options, PrintStream out, PrintStream err, boolean terminal) {
        allow(options, "--vacancy-url", "--candidate-url", "--seed", "--candidates", "--parallel", "--history", "--through-imports", "--plan-only");
        String vacancyUrl = options.getOrDefault("--vacancy-url", "http://127.0.0.1:8081");
        String candidateUrl = options.getOrDefault("--candidate-url", "http://127.0.0.1:8082");
        long seed = number(options, "--seed", 42);
        long candidates = number(options, "--candidates", 2000);
        if (candidates < 0 || candidates > 1_000_000) {
            throw new UsageException("--candidates must be between 0 and 1000000");
        }
        long parallel = number(options, "--parallel", 1);
        if (parallel < 1 || parallel > 32) {
            throw new UsageException("--parallel must be between 1 and 32");
        }
        boolean planOnly = options.containsKey("--plan-only");
        boolean history = options.containsKey("--history");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        PipelineExecutor executor = new PipelineExecutor(new ApiClient(vacancyUrl), new ApiClient(candidateUrl), out, terminal, today)
                .parallel((int) parallel).throughImports(options.containsKey("--through-imports"));
        PipelineExecutor.Existing existing = executor.discover();
        if (existing.organisations().isEmpty()) {
            err.println("vacancy-service at " + vacancyUrl + " has no organisations: run import-trusts first");
            return 2;
        }
        if (existing.candidates() > 0 && !planOnly) {
            out.printf("candidate-service at %s already holds %d candidates: the pipeline was generated before; nothing to do.%n",
                    candidateUrl, existing.candidates());
            return 0;
        }
        PipelinePlan plan = PipelinePlanner.plan(seed, (int) candidates, existing.organisations(), history);
        out.printf("Generating a pipeline, seed %d, %d candidates, for %d organisations (%d writes):%n", seed, candidates,
                plan.organisations().size(), plan.writes());
        out.print(PlanStatistics.of(plan).describe());
        if (planOnly) {
            return 0;
        }
        PipelineExecutor.Summary s = executor.execute(plan, existing);
        out.printf("Done in %.1f s (%d HTTP calls, %.0f per second): %s; refused %d, skipped %d, retried while a post was not yet known %d%n",
                s.seconds(), s.calls(), s.calls() / Math.max(0.001, s.seconds()), describe(s.created()), s.failures(), s.skipped(), s.retries());
        return 0;
    }

    private static String describe(Map<String, Integer> created) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(created).forEach((k, v) -> parts.add(k + " " + v));
        return parts.isEmpty() ? "nothing written" : String.join(", ", parts);
    }

    private static Map<String, String> options(String[] args, List<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                options.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (flags.contains(a)) {
                options.put(a, "true");
            } else if (i + 1 < args.length) {
                options.put(a, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return options;
    }

    private static void allow(Map<String, String> options, String... names) {
        for (String key : options.keySet()) {
            if (!List.of(names).contains(key)) {
                throw new UsageException("unknown option " + key + "\n" + USAGE);
            }
        }
    }

    private static long number(Map<String, String> options, String name, long otherwise) {
        String value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not '" + value + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
