package dev.pageframe.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pageframe.notebook.MachineSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentHeapTest {
    private static KernelConfig booting(String memory) {
        return NotebookExecution.config(MachineSpec.of("x86_64", memory));
    }

    @Test
    void aSmallMachineKeepsTheConfiguredHeap() {
        assertEquals(List.of("-Xmx1g"), AgentHeap.of(booting("64M")).options());
        assertEquals(List.of("-Xmx1g"), AgentHeap.of(booting("64G")).options());
        assertEquals(List.of("-Xmx1g"), AgentHeap.of(KernelConfig.defaults()).options(), "no machine, no raise");
    }

    @Test
    void aTerabyteMachineGetsItsTablesAndHeadroomWithinTwoAndAHalfGiB() {
        AgentHeap heap = AgentHeap.of(booting("1T"));
        // 268,697,600 frames (the PCI hole's RAM moved above 4 GiB) at eight bytes: 2,050 MiB, then the headroom.
        assertEquals(2499L << 20, heap.maxBytes());
        assertTrue(heap.maxBytes() <= 2560L << 20, "the engine's goal: a 1 TiB machine within 2.5 GiB of heap");
        assertEquals(List.of("-Xmx2499m", "-Xms2499m", "-XX:MaxNewSize=224m"), heap.options(),
            "the young generation is limited so the old one can hold the tables, and the heap is committed from the "
                + "start so the tables' two arrays can be zeroed side by side");
    }

    @Test
    void aMachineWhoseTablesTakeOverAQuarterOfTheHeapGetsTheYoungGenerationsLimit() {
        // 200 GiB: 400 MiB of tables, which 1 GiB holds, but beside up to 341 MiB of young generation they would
        // leave the cells 280 MiB; with the limit, 400.
        assertEquals(List.of("-Xmx1g", "-Xms851m", "-XX:MaxNewSize=224m"), AgentHeap.of(booting("200G")).options(),
            "the tables and the headroom committed");
        assertEquals(List.of("-Xmx1g"), AgentHeap.of(booting("120G")).options(), "242 MiB of tables: under a quarter");
    }

    @Test
    void theRaiseFollowsTheMachineNotJustItsSize() {
        long half = AgentHeap.of(booting("512G")).maxBytes();
        long whole = AgentHeap.of(booting("1T")).maxBytes();
        assertTrue(half > 1L << 30 && half < whole, half + " " + whole);
        assertEquals(whole, AgentHeap.of(booting("1T").withMaxHeap("32m")).maxBytes(),
            "a smaller configured heap is raised all the same");
        assertEquals(8L << 30, AgentHeap.of(booting("1T").withMaxHeap("8g")).maxBytes(), "a larger one is kept");
        assertEquals(List.of("-Xmx8g", "-Xms2499m", "-XX:MaxNewSize=224m"),
            AgentHeap.of(booting("1T").withMaxHeap("8g")).options(), "only what the machine needs is committed");
    }

    @Test
    void aMachineTheEngineRefusesKeepsTheConfiguredHeapForItsBootToSayWhy() {
        KernelConfig unknown = KernelConfig.defaults().withBoot(new MachineBoot("pdp-11", 1L << 40, 0));
        assertEquals(1L << 30, AgentHeap.of(unknown).maxBytes());
        KernelConfig tooLarge = KernelConfig.defaults().withBoot(new MachineBoot("x86_64", 2L << 40, 0));
        assertEquals(1L << 30, AgentHeap.of(tooLarge).maxBytes());
    }

    @Test
    void heapSizesAreReadAsTheJvmReadsThem() {
        assertEquals(1L << 30, AgentHeap.parse("1g"));
        assertEquals(512L << 20, AgentHeap.parse("512M"));
        assertEquals(4096, AgentHeap.parse("4096"));
        assertEquals(-1, AgentHeap.parse("lots"));
        assertEquals(List.of("-Xmxlots"), AgentHeap.of(booting("1T").withMaxHeap("lots")).options(),
            "a size the JVM will refuse is passed on for it to say so (KernelIsolationTest)");
    }
}
