package org.understudy.seed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustImporterTest {
    private static final String CSV = "ods_code,name,region,trust_type,foundation_trust,integrated_care_board_code\r\n"
            + "R0A,Manchester University NHS Foundation Trust,North West,acute,true,QOP\r\n"
            + "RCX,\"The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust\",East of England,acute,true,T6Y0W\r\n"
            + "bad!,Broken Code Trust,London,acute,false,QKK\r\n"
            + "K0N6A,The Online NHS Trust,London,,false,QKK\r\n"
            + "RZZ,Nowhere Trust,Atlantis,acute,false,QKK\r\n"
            + "RX4,\"Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust\",North East and Yorkshire,mental health,true,QHM\r\n";

    @TempDir
    Path dir;

    @Test
    void importingTwiceCreatesEverythingOnceAndReportsBadRowsByLine() throws IOException {
        Path file = dir.resolve("trusts.csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        try (FakeServices fake = new FakeServices()) {
            Run first = run("import-trusts", "--vacancy-url", fake.url(), "--file", file.toString());
            assertEquals(0, first.status, first.out);
            assertEquals(4, fake.organisations.size());
            assertEquals(8, fake.posts.size());
            assertEquals("The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust", fake.organisations.get("RCX").path("name").asText());
            assertEquals("OTHER", fake.organisations.get("K0N6A").path("organisationType").asText());
            assertEquals("NORTH_EAST_AND_YORKSHIRE", fake.organisations.get("RX4").path("region").asText());
            assertEquals("MENTAL_HEALTH", fake.organisations.get("RX4").path("organisationType").asText());
            assertFalse(fake.organisations.get("R0A").has("oversightSegment"), "the segment is the regulator's: the import sets none");
            assertTrue(first.out.contains("organisations created 4, already present 0; posts created 8, already present 0; bad rows 2"), first.out);
            assertTrue(first.out.contains("line 4: bad ODS code 'bad!'"), first.out);
            assertTrue(first.out.contains("line 6: unknown region 'Atlantis'"), first.out);

            long writesAfterFirst = fake.writes();
            Run second = run("import-trusts", "--vacancy-url", fake.url(), "--file", file.toString());
            assertEquals(0, second.status, second.out);
            assertEquals(4, fake.organisations.size());
            assertEquals(8, fake.posts.size(), "the second run creates no post");
            assertTrue(second.out.contains("organisations created 0, already present 4; posts created 0, already present 8; bad rows 2"), second.out);
            // The second run only tried to register the organisations (409) and read their posts: no post was created.
            List<String> secondWrites = fake.calls.stream().filter(c -> !c.startsWith("GET ")).skip(writesAfterFirst).toList();
            assertEquals(4, secondWrites.size(), secondWrites.toString());
            assertTrue(secondWrites.stream().allMatch(c -> c.startsWith("POST /api/v1/organisations ")), secondWrites.toString());
        }
    }

    @Test
    void aMissingPostIsCreatedOnTheNextRun() throws IOException {
        Path file = dir.resolve("trusts.csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        try (FakeServices fake = new FakeServices()) {
            assertEquals(0, run("import-trusts", "--vacancy-url", fake.url(), "--file", file.toString()).status);
            UUID chair = fake.posts.entrySet().stream()
                    .filter(e -> e.getValue().path("odsCode").asText().equals("RCX") && e.getValue().path("role").asText().equals("CHAIR"))
                    .findFirst().orElseThrow().getKey();
            fake.posts.remove(chair); // as if an earlier run had stopped half-way
            Run again = run("import-trusts", "--vacancy-url", fake.url(), "--file", file.toString());
            assertTrue(again.out.contains("posts created 1, already present 7"), again.out);
            assertEquals(8, fake.posts.size());
        }
    }

    @Test
    void theBundledFileIsTheDefault() {
        try (FakeServices fake = new FakeServices()) {
            Run r = run("import-trusts", "--vacancy-url", fake.url());
            assertEquals(0, r.status, r.out);
            assertEquals(202, fake.organisations.size());
            assertEquals(404, fake.posts.size());
            assertTrue(r.out.contains("bad rows 0"), r.out);
            // Not a terminal: plain progress lines, no carriage returns.
            assertFalse(r.out.contains("\r"));
            assertTrue(r.out.contains("import-trusts: 101/202 (50%)") || r.out.contains("(50%)"), r.out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void onATerminalTheCounterIsRedrawnInPlace() {
        try (FakeServices fake = new FakeServices()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int status = SeedMain.run(new String[]{"import-trusts", "--vacancy-url", fake.url()}, print, print, true);
            assertEquals(0, status);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\rimport-trusts: 202/202 (100%)"), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnreachableServiceIsTheOnlyFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free, and closed again: nothing listens there
        }
        Run r = run("import-trusts", "--vacancy-url", "http://127.0.0.1:" + port);
        assertEquals(1, r.status);
        assertTrue(r.out.contains("cannot connect to http://127.0.0.1:" + port), r.out);
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("import-trusts", "--file", dir.resolve("missing.csv").toString()).status);
        assertEquals(2, run("import-trusts", "--colour", "blue").status);
        assertEquals(2, run("frobnicate").status);
        assertEquals(2, run().status);
    }

    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = SeedMain.run(args, print, print, false);
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
