package dev.pageframe.execution.png;

import java.awt.geom.Path2D;

/** Parses the SVG path data the chart renderers write (M, L, H, V and Z, absolute or relative) into a Java 2D path. */
final class PathData {

    private final String d;
    private int pos;

    private PathData(String d) {
        this.d = d;
    }

    /** The path {@code d} describes; an unknown command throws, since our renderers never write one. */
    static Path2D.Double parse(String d) {
        return new PathData(d).read();
    }

    private Path2D.Double read() {
        Path2D.Double path = new Path2D.Double();
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        char command = 0;
        while (true) {
            skipSeparators();
            if (pos >= d.length()) {
                return path;
            }
            char c = d.charAt(pos);
            if (Character.isLetter(c)) {
                command = c;
                pos++;
                if (c == 'Z' || c == 'z') {
                    path.closePath();
                    x = startX;
                    y = startY;
                    continue;
                }
            } else if (command == 'M') {
                command = 'L'; // further pairs after a moveto are linetos
            } else if (command == 'm') {
                command = 'l';
            }
            boolean relative = Character.isLowerCase(command);
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = number() + (relative ? x : 0);
                    y = number() + (relative ? y : 0);
                    path.moveTo(x, y);
                    startX = x;
                    startY = y;
                }
                case 'L' -> {
                    x = number() + (relative ? x : 0);
                    y = number() + (relative ? y : 0);
                    path.lineTo(x, y);
                }
                case 'H' -> {
                    x = number() + (relative ? x : 0);
                    path.lineTo(x, y);
                }
                case 'V' -> {
                    y = number() + (relative ? y : 0);
                    path.lineTo(x, y);
                }
                default -> throw new IllegalArgumentException("path command '" + command + "' is not drawn: " + d);
            }
        }
    }

    private void skipSeparators() {
        while (pos < d.length() && (Character.isWhitespace(d.charAt(pos)) || d.charAt(pos) == ',')) {
            pos++;
        }
    }

    private double number() {
        skipSeparators();
        int start = pos;
        if (pos < d.length() && (d.charAt(pos) == '-' || d.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < d.length() && (Character.isDigit(d.charAt(pos)) || d.charAt(pos) == '.'
                || d.charAt(pos) == 'e' || d.charAt(pos) == 'E')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("a number was expected at " + start + " in path: " + d);
        }
        return Double.parseDouble(d.substring(start, pos));
    }
}
