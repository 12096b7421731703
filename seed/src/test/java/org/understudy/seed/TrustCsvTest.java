package org.understudy.seed;

import org.junit.jupiter.api.Test;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustCsvTest {
    private static final String HEADER = "ods_code,name,region,trust_type,foundation_trust,integrated_care_board_code\r\n";

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvReader.Record> records = CsvReader.readAll(new StringReader(
                "a,\"b, c\",d\r\n\"say \"\"hi\"\"\",,\"two\r\nlines\"\r\nlast,row,\n\r\nend"));
        assertEquals(List.of("a", "b, c", "d"), records.get(0).fields());
        assertEquals(1, records.get(0).line());
        assertEquals(List.of("say \"hi\"", "", "two\r\nlines"), records.get(1).fields(), "a line break inside quotes is kept as it is");
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("last", "row", ""), records.get(2).fields());
        assertEquals(4, records.get(2).line(), "a line break inside quotes counts as a line");
        assertEquals(List.of("end"), records.get(3).fields());
        assertEquals(6, records.get(3).line(), "blank lines are skipped but counted");
    }

    @Test
    void anUnclosedQuoteIsASyntaxErrorNamingItsLine() {
        CsvReader.CsvSyntaxException e = assertThrows(CsvReader.CsvSyntaxException.class,
                () -> CsvReader.readAll(new StringReader("a,b\r\nc,\"never closed\r\nd,e\r\n")));
        assertEquals(2, e.line());
    }

    @Test
    void theBundledFileHasEngland202TrustsAndNoBadRows() throws IOException {
        TrustCsv.Parsed parsed;
        try (InputStreamReader in = new InputStreamReader(SeedMain.class.getResourceAsStream(SeedMain.BUNDLED_TRUSTS), StandardCharsets.UTF_8)) {
            parsed = TrustCsv.parse(in);
        }
        assertEquals(List.of(), parsed.badRows());
        assertEquals(202, parsed.trusts().size());
        Map<String, TrustCsv.Trust> byCode = parsed.trusts().stream().collect(Collectors.toMap(TrustCsv.Trust::odsCode, Function.identity()));
        // Quoted names with commas (the file has CRLF line endings).
        TrustCsv.Trust rcx = byCode.get("RCX");
        assertEquals("The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust", rcx.name());
        assertEquals(Region.EAST_OF_ENGLAND, rcx.region());
        assertEquals(OrganisationType.ACUTE, rcx.type());
        assertTrue(rcx.foundationTrust());
        assertEquals("T6Y0W", rcx.integratedCareBoardCode());
        assertEquals(36, rcx.line());
        TrustCsv.Trust rx4 = byCode.get("RX4");
        assertEquals("Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust", rx4.name());
        assertEquals(Region.NORTH_EAST_AND_YORKSHIRE, rx4.region());
        assertEquals(OrganisationType.MENTAL_HEALTH, rx4.type());
        // The Online NHS Trust has no trust type: OTHER.
        assertEquals(OrganisationType.OTHER, byCode.get("K0N6A").type());
        assertFalse(byCode.get("K0N6A").foundationTrust());
        // The counts of the provenance note.
        Map<Region, Long> perRegion = parsed.trusts().stream().collect(Collectors.groupingBy(TrustCsv.Trust::region, Collectors.counting()));
        assertEquals(Map.of(Region.LONDON, 31L, Region.SOUTH_EAST, 29L, Region.SOUTH_WEST, 18L, Region.MIDLANDS, 40L,
                Region.EAST_OF_ENGLAND, 21L, Region.NORTH_WEST, 30L, Region.NORTH_EAST_AND_YORKSHIRE, 33L), perRegion);
        Map<OrganisationType, Long> perType = parsed.trusts().stream().collect(Collectors.groupingBy(TrustCsv.Trust::type, Collectors.counting()));
        assertEquals(Map.of(OrganisationType.ACUTE, 120L, OrganisationType.MENTAL_HEALTH, 47L, OrganisationType.COMMUNITY, 11L,
                OrganisationType.AMBULANCE, 10L, OrganisationType.SPECIALIST, 13L, OrganisationType.OTHER, 1L), perType);
        assertEquals(141, parsed.trusts().stream().filter(TrustCsv.Trust::foundationTrust).count());
    }

    @Test
    void badRowsAreReportedByLineAndTheGoodOnesKept() throws IOException {
        String csv = HEADER
                + "R0A,Manchester University NHS Foundation Trust,North West,acute,true,QOP\r\n"     // 2 good
                + "r0b,Lower Case Code Trust,North West,acute,true,QOP\r\n"                           // 3 bad ODS code
                + "R0C,Somewhere Trust,Wales,acute,false,QOP\r\n"                                     // 4 unknown region
                + "R0D,\"Quoted, Comma NHS Trust\",London,mental health,false,\r\n"                   // 5 good, no ICB
                + "R0E,Odd Type Trust,London,care home,false,QKK\r\n"                                 // 6 unknown type
                + "R0F,Short Row Trust,London,acute\r\n"                                              // 7 too few fields
                + "R0G,Unsure Trust,London,acute,maybe,QKK\r\n"                                       // 8 bad boolean
                + "R0A,Manchester Again,North West,acute,true,QOP\r\n"                                // 9 duplicate
                + "\r\n"                                                                              // 10 blank, skipped
                + "R0H,,NORTH_EAST_AND_YORKSHIRE,Ambulance,TRUE,QHM\r\n"                              // 11 empty name
                + "R0J,Specialist Trust,north east and yorkshire,Specialist,No,QHM\r\n";              // 12 good
        TrustCsv.Parsed parsed = TrustCsv.parse(new StringReader(csv));
        assertEquals(List.of("R0A", "R0D", "R0J"), parsed.trusts().stream().map(TrustCsv.Trust::odsCode).toList());
        assertEquals(List.of(2, 5, 12), parsed.trusts().stream().map(TrustCsv.Trust::line).toList());
        assertEquals("Quoted, Comma NHS Trust", parsed.trusts().get(1).name());
        assertEquals(null, parsed.trusts().get(1).integratedCareBoardCode());
        assertEquals(Region.NORTH_EAST_AND_YORKSHIRE, parsed.trusts().get(2).region());
        assertEquals(OrganisationType.SPECIALIST, parsed.trusts().get(2).type());
        assertEquals(List.of(3, 4, 6, 7, 8, 9, 11), parsed.badRows().stream().map(TrustCsv.BadRow::line).toList());
        assertTrue(parsed.badRows().get(0).reason().contains("bad ODS code 'r0b'"), parsed.badRows().get(0).reason());
        assertTrue(parsed.badRows().get(1).reason().contains("unknown region 'Wales'"));
        assertTrue(parsed.badRows().get(2).reason().contains("unknown trust_type 'care home'"));
        assertTrue(parsed.badRows().get(3).reason().contains("expected 6 fields, found 4"));
        assertTrue(parsed.badRows().get(4).reason().contains("foundation_trust"));
        assertTrue(parsed.badRows().get(5).reason().contains("already given on line 2"));
        assertTrue(parsed.badRows().get(6).reason().contains("name is empty"));
        assertEquals("line 4: unknown region 'Wales'", parsed.badRows().get(1).toString());
    }

    @Test
    void lfLineEndingsAndColumnsInAnotherOrderWorkToo() throws IOException {
        String csv = "name,ods_code,foundation_trust,region,trust_type,integrated_care_board_code\n"
                + "\"A, B Trust\",R1X,false,South West,community,QJK\n";
        TrustCsv.Parsed parsed = TrustCsv.parse(new StringReader(csv));
        assertEquals(List.of(), parsed.badRows());
        TrustCsv.Trust t = parsed.trusts().get(0);
        assertEquals("R1X", t.odsCode());
        assertEquals("A, B Trust", t.name());
        assertEquals(Region.SOUTH_WEST, t.region());
        assertEquals(OrganisationType.COMMUNITY, t.type());
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefused() {
        TrustCsv.BadHeaderException e = assertThrows(TrustCsv.BadHeaderException.class,
                () -> TrustCsv.parse(new StringReader("code,name,region\r\nR0A,X,London\r\n")));
        assertTrue(e.getMessage().contains("ods_code"), e.getMessage());
    }

    @Test
    void regionAndTypeNames() {
        for (Region r : Region.values()) {
            assertEquals(r, TrustCsv.region(r.displayName()).orElseThrow());
            assertEquals(r, TrustCsv.region(r.name()).orElseThrow());
        }
        assertEquals(OrganisationType.MENTAL_HEALTH, TrustCsv.organisationType("mental health").orElseThrow());
        assertEquals(OrganisationType.MENTAL_HEALTH, TrustCsv.organisationType("MENTAL_HEALTH").orElseThrow());
        assertEquals(OrganisationType.OTHER, TrustCsv.organisationType("").orElseThrow());
        assertTrue(TrustCsv.organisationType("hospice").isEmpty());
    }
}
