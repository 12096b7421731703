package org.understudy.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.understudy.infra.TestInfrastructure;
import org.understudy.infra.security.TestTokens;
import org.understudy.seed.ApiClient;
import org.understudy.seed.SeedMain;
import org.understudy.seed.TrustCsv;
import org.understudy.seed.TrustImporter;
import org.understudy.seed.generate.PipelineExecutor;
import org.understudy.seed.generate.PipelinePlan;
import org.understudy.seed.generate.PipelinePlanner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's walkthrough, as a newcomer follows it: its shell commands are read from README.md
 * (between the {@code walkthrough:start} and {@code walkthrough:end} markers), run one step at a time in
 * one bash, and each step's answer must contain every {@code # →} line the README shows under it. The
 * stack is seeded as {@code deploy/local/up} seeds it (England's trusts and a generated pipeline, through
 * the public APIs), and tokens come from {@code deploy/local/token}, signed with the key this stack trusts.
 * Only the ports are changed: the stack runs on free ones. Runs after the other system tests (whose
 * numbers the seeded pipeline would change), before PrivacyIT.
 */
@Order(Integer.MAX_VALUE - 1)
class ReadmeWalkthroughIT {
    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String EXPECT = "# →";
    private static final String DONE = "@@walkthrough-step-done@@";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    /** A read whose answer is not there yet (the view applies a write within milliseconds, not at once) is asked again for this long. */
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final int PIPELINE_CANDIDATES = 300;

    private static Stack stack;
    private static Path home;

    record Step(String commands, List<String> expected) {
        boolean writes() {
            return commands.contains("-XPOST") || commands.contains("-XPUT") || commands.contains("-XDELETE") || commands.contains("-XPATCH");
        }
    }

    @BeforeAll
    static void seededStack() throws Exception {
        stack = Stack.shared();
        String admin = TestTokens.mint("admin");
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        ApiClient vacancy = new ApiClient(stack.vacancy.baseUrl(), Duration.ofSeconds(60), admin);
        ApiClient candidate = new ApiClient(stack.candidate.baseUrl(), Duration.ofSeconds(60), admin);
        TrustCsv.Parsed trusts;
        try (var in = new InputStreamReader(SeedMain.class.getResourceAsStream(SeedMain.BUNDLED_TRUSTS), StandardCharsets.UTF_8)) {
            trusts = TrustCsv.parse(in);
        }
        TrustImporter.Summary imported = new TrustImporter(vacancy, quiet, false).run(trusts);
        assertEquals(List.of(), imported.failures(), "trusts imported");
        Set<String> trustCodes = trusts.trusts().stream().map(TrustCsv.Trust::odsCode).collect(Collectors.toSet());

        // The pipeline generator of deploy/local/seed, as import files, for the trusts only (the other tests' organisations stay as they were).
        PipelineExecutor executor = new PipelineExecutor(vacancy, candidate, quiet, false, LocalDate.now(ZoneId.of("Europe/London")))
                .throughImports(true);
        PipelineExecutor.Existing existing = executor.discover();
        List<PipelinePlan.Organisation> seeded = existing.organisations().stream().filter(o -> trustCodes.contains(o.odsCode())).toList();
        PipelineExecutor.Summary generated = executor.execute(PipelinePlanner.plan(42, PIPELINE_CANDIDATES, seeded), existing);
        System.out.printf("ReadmeWalkthroughIT: seeded %d trusts and a pipeline of %d candidates (%d calls, %d refused) in %.1f s%n",
                trusts.trusts().size(), PIPELINE_CANDIDATES, generated.calls(), generated.failures(), imported.seconds() + generated.seconds());
        assertEquals(0, generated.failures(), "pipeline calls refused");
        awaitNothingPending();

        // deploy/local/token signs with $UNDERSTUDY_HOME/keys: there, the key this test JVM's stack trusts.
        home = Files.createTempDirectory("understudy-walkthrough");
        Files.createSymbolicLink(home.resolve("keys"), Path.of(System.getProperty(TestInfrastructure.TEST_KEYS_PROPERTY)).toAbsolutePath());
    }

    @AfterAll
    static void removeHome() throws IOException {
        if (home != null) {
            Files.deleteIfExists(home.resolve("keys"));
            Files.deleteIfExists(home);
        }
    }

    @Test
    void theReadmeWalkthroughWorksAsWritten() throws Exception {
        Path root = Path.of(System.getProperty("understudy.root", "..")).toAbsolutePath().normalize();
        List<Step> steps = steps(Files.readString(root.resolve("README.md")));
        assertTrue(steps.size() >= 4, "the README's walkthrough has its steps: " + steps.size());
        assertTrue(steps.stream().anyMatch(Step::writes), "the walkthrough changes something");

        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("UNDERSTUDY_HOME", home.toString());
        Process bash = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading bash's output failed: " + e + ")");
            }
        }, "walkthrough-output");
        reader.setDaemon(true);
        reader.start();
        try (Writer in = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8)) {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String commands = onThisStack(step.commands());
                long settleBy = System.nanoTime() + SETTLE.toNanos();
                String output = run(in, lines, commands);
                while (!missing(step, output).isEmpty() && !step.writes() && System.nanoTime() < settleBy) {
                    Thread.sleep(250);
                    output = run(in, lines, commands);
                }
                System.out.printf("ReadmeWalkthroughIT: step %d%n%s%n  answered: %s%n", i + 1, step.commands().strip(), abbreviate(output));
                assertEquals(List.of(), missing(step, output), "step " + (i + 1) + " of the README's walkthrough:\n" + step.commands()
                        + "\nanswered:\n" + output);
            }
        } finally {
            bash.destroy();
            bash.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The walkthrough's steps: each bash block between the markers, its commands and the text its answer must contain. */
    static List<Step> steps(String readme) {
        int start = readme.indexOf("<!-- walkthrough:start -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertTrue(start >= 0 && end > start, "README.md marks its walkthrough");
        List<Step> steps = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme.substring(start, end));
        while (block.find()) {
            StringBuilder commands = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (String line : block.group(1).split("\n")) {
                String text = line.strip();
                if (text.startsWith(EXPECT)) {
                    expected.add(text.substring(EXPECT.length()).strip());
                } else {
                    commands.append(text).append('\n');
                }
            }
            steps.add(new Step(commands.toString(), expected));
        }
        return steps;
    }

    /** The README's commands with the default ports replaced by this stack's. */
    private static String onThisStack(String commands) {
        return commands.replace("localhost:8081", "localhost:" + stack.vacancy.port())
                .replace("localhost:8082", "localhost:" + stack.candidate.port())
                .replace("localhost:8083", "localhost:" + stack.succession.port());
    }

    private static List<String> missing(Step step, String output) {
        return step.expected().stream().filter(e -> !output.contains(e)).toList();
    }

    /** Runs commands in the bash that keeps the walkthrough's variables, and returns what they printed. */
    private static String run(Writer in, BlockingQueue<String> lines, String commands) throws Exception {
        in.write(commands);
        in.write("\necho; echo " + DONE + "\n");
        in.flush();
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no answer within " + STEP_TIMEOUT + " to:\n" + commands + "\nso far:\n" + output);
            }
            if (line.equals(DONE)) {
                return output.toString();
            }
            output.append(line).append('\n');
        }
    }

    private static String abbreviate(String output) {
        String flat = output.strip().replace('\n', ' ');
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + " …";
    }

    /** Waits until both publishers have sent every event and the view agrees with the sources. */
    private static void awaitNothingPending() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = TestTokens.mint("admin");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(stack.succession.baseUrl() + "/api/v1/succession/reconciliation"))
                    .header("Authorization", "Bearer " + admin).timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            last = report.body();
            if (report.statusCode() == 200 && last.contains("\"differenceCount\":0")) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("the view never agreed with the sources after seeding: " + abbreviate(last));
    }
}
