package dev.pageframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecondsTest {
    @Test
    void keepsTheFractionTheUserGave() {
        assertEquals("2.5 s", Seconds.of(Duration.ofMillis(2_500)));
        assertEquals("0.25 s", Seconds.of(Duration.ofMillis(250)));
    }

    @Test
    void wholeSecondsHaveNoDecimals() {
        assertEquals("30 s", Seconds.of(Duration.ofSeconds(30)));
    }
}
