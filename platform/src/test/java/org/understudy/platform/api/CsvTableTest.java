package org.understudy.platform.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                // value written, the CSV cell that comes out
                Arguments.of("Leeds Teaching Hospitals", "Leeds Teaching Hospitals"),
                Arguments.of("=HYPERLINK(\"http://x.invalid\",\"click\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"click\"\")\""),
                Arguments.of("=1+2", "'=1+2"),
                Arguments.of("+44 20 7946 0000", "'+44 20 7946 0000"),
                Arguments.of("-2+3", "'-2+3"),
                Arguments.of("@SUM(A1:A2)", "'@SUM(A1:A2)"),
                Arguments.of("\tcmd", "'\tcmd"),
                Arguments.of("\r=1", "\"'\r=1\""),
                Arguments.of("a = b", "a = b"),
                Arguments.of("Smith, Jones and Partners", "\"Smith, Jones and Partners\""),
                Arguments.of("say \"hello\"", "\"say \"\"hello\"\"\""),
                Arguments.of(-3, "-3"),
                Arguments.of(2.5, "2.5"),
                Arguments.of(true, "true"),
                Arguments.of(null, ""),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void writesEachCellSafely(Object value, String cell) {
        String csv = new CsvTable(List.of("value", "next")).row(value, "x").write();
        assertEquals("value,next\r\n" + cell + ",x\r\n", csv);
    }

    @Test
    void writesTheHeaderAndOneLinePerRow() {
        UUID id = UUID.fromString("7f1c0c5e-0000-4000-8000-000000000001");
        String csv = new CsvTable(List.of("postId", "odsCode", "readyNow")).row(id, "R0A", 2).row(id, "RJ1", 0).write();
        assertEquals("postId,odsCode,readyNow\r\n" + id + ",R0A,2\r\n" + id + ",RJ1,0\r\n", csv);
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertEquals("a,b\r\n", new CsvTable(List.of("a", "b")).write());
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new CsvTable(List.of("a", "b")).row("only one"));
    }
}
