package dev.pageframe.ui.app;

import dev.pageframe.notebook.Notebook;
import java.lang.reflect.Method;

/** Reflective bridge to the HTML exporter, so this window works in builds with or without it. */
final class HtmlExport {
    private static final String CLASS = "dev.pageframe.notebook.html.HtmlExporter";

    private HtmlExport() {}

    static boolean available() {
        try {
            Class.forName(CLASS, false, HtmlExport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static String export(Notebook notebook, String title) {
        try {
            Class<?> c = Class.forName(CLASS, true, HtmlExport.class.getClassLoader());
            Object exporter = c.getConstructor().newInstance();
            Method m = c.getMethod("export", Notebook.class, String.class);
            return (String) m.invoke(exporter, notebook, title);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("HTML export failed: " + e.getMessage(), e);
        }
    }
}
