package dev.pageframe.cli;

import java.math.BigDecimal;
import java.time.Duration;

/** A duration as the user would write it for {@code --timeout}: "2.5 s", not a rounded "2 s". */
final class Seconds {
    private Seconds() {}

    static String of(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + " s";
    }
}
