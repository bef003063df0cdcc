/**
 * Host-side raster images of charts: the SVG a chart renders to, drawn with the JDK's headless
 * Java 2D and stored as PNG. Lives outside the agent packages, which must not load AWT.
 */
package dev.pageframe.execution.png;
