package dev.pageframe.execution.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathDataTest {

    @Test
    void absoluteAndRelativeCommandsTraceTheSameSteps() {
        assertEquals(points("M1 2L11 2L11 12H1V2"), points("M1 2l10 0v10h-10v-10"));
    }

    @Test
    void pairsAfterAMovetoAreLinetos() {
        assertEquals(List.of("M1,1", "L2,2", "L3,1"), points("M1 1 2 2 3 1"));
    }

    @Test
    void closingReturnsToTheSubpathStart() {
        List<String> p = points("M0 0L4 0L4 4ZM10 10L12 12");
        assertTrue(p.contains("Z"), p.toString());
        assertEquals("M10,10", p.get(4));
    }

    @Test
    void theFrameMapsSteppedZoneBoundaryHasItsBounds() {
        Rectangle2D b = PathData.parse("M10 30H40V20H100").getBounds2D();
        assertEquals(new Rectangle2D.Double(10, 20, 90, 10), b);
    }

    @Test
    void aCommandTheRenderersNeverWriteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PathData.parse("M0 0C1 1 2 2 3 3"));
        assertThrows(IllegalArgumentException.class, () -> PathData.parse("M0"));
    }

    private static List<String> points(String d) {
        List<String> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = PathData.parse(d).getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> out.add("M" + fmt(c[0]) + "," + fmt(c[1]));
                case PathIterator.SEG_LINETO -> out.add("L" + fmt(c[0]) + "," + fmt(c[1]));
                case PathIterator.SEG_CLOSE -> out.add("Z");
                default -> out.add("?");
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
