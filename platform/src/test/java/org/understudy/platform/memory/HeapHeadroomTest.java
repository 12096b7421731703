package org.understudy.platform.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ratios are the test JVM's own: each case sets them first and the test puts back what it found. */
class HeapHeadroomTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String min;
    private String max;

    @BeforeEach
    void remember() {
        min = ratio("MinHeapFreeRatio");
        max = ratio("MaxHeapFreeRatio");
    }

    @AfterEach
    void restore() {
        vm.setVMOption("MinHeapFreeRatio", "0");
        vm.setVMOption("MaxHeapFreeRatio", max);
        vm.setVMOption("MinHeapFreeRatio", min);
    }

    @ParameterizedTest(name = "JVM {0}/{1}, asked {2}/{3}: {4}/{5} while open")
    @CsvSource({
            "10, 30, 40, 70, 40, 70", // the services' ratios: loosened
            "50, 80, 40, 70, 50, 80", // looser already: kept
            "10, 30, 90, 70, 70, 70", // a minimum above the maximum asked: capped at it
            "10, 80, 40, 70, 40, 80"})
    void keepsRoomWhileOpenAndRestoresTheRatiosAfter(int minBefore, int maxBefore, int minAsked, int maxAsked, int minOpen, int maxOpen) {
        vm.setVMOption("MinHeapFreeRatio", "0");
        vm.setVMOption("MaxHeapFreeRatio", String.valueOf(maxBefore));
        vm.setVMOption("MinHeapFreeRatio", String.valueOf(minBefore));
        try (HeapHeadroom ignored = HeapHeadroom.keepFree(minAsked, maxAsked)) {
            assertEquals(String.valueOf(minOpen), ratio("MinHeapFreeRatio"));
            assertEquals(String.valueOf(maxOpen), ratio("MaxHeapFreeRatio"));
        }
        assertEquals(String.valueOf(minBefore), ratio("MinHeapFreeRatio"));
        assertEquals(String.valueOf(maxBefore), ratio("MaxHeapFreeRatio"));
    }

    private String ratio(String name) {
        return vm.getVMOption(name).getValue();
    }
}
