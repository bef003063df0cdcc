package dev.pageframe.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.pageframe.ui.notebook.NotebookView;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.layout.Region;

/** The window's look: light or dark theme and the zoom, changed under a picture so no frame stalls. */
final class WindowLook {
    static final double BASE_FONT = 14;
    private static final double[] ZOOMS = {0.75, 0.85, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};
    private final MainWindow w;
    private final LookCover cover;
    private final ZoomStylesheet zoomStylesheet;
    private int zoomIndex = 2;
    /** The theme and zoom the scene has now (light, as the app starts); a change applies a frame later (changeLook). */
    private boolean appliedDark;
    private int appliedZoom = -1;
    /** Where the chosen look is kept, and the look last kept there (null until {@link #restore}). */
    private ViewSettings settings;
    private ViewSettings.Look remembered;

    WindowLook(MainWindow window, Region covered) {
        this.w = window;
        this.cover = new LookCover(covered, this::settled);
        this.zoomStylesheet = new ZoomStylesheet(window);
    }

    LookCover cover() {
        return cover;
    }

    double zoom() {
        return ZOOMS[zoomIndex];
    }

    static double[] zoomSizes() {
        double[] px = new double[ZOOMS.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = BASE_FONT * ZOOMS[i];
        }
        return px;
    }

    /**
     * Takes the look the user chose last time from {@code settings} (the zoom step nearest to it), for the next change
     * of look to apply, and keeps each change there from now on.
     */
    void restore(ViewSettings settings) {
        this.settings = settings;
        remembered = settings.load();
        int nearest = 0;
        for (int i = 1; i < ZOOMS.length; i++) {
            if (Math.abs(ZOOMS[i] - remembered.zoom()) < Math.abs(ZOOMS[nearest] - remembered.zoom())) {
                nearest = i;
            }
        }
        zoomIndex = nearest;
        w.darkProperty().set(remembered.dark());
    }

    /** Zooms by steps: +1 bigger, -1 smaller, 0 back to 100%. */
    void zoom(int direction) {
        zoomIndex = direction == 0 ? 2 : Math.max(0, Math.min(ZOOMS.length - 1, zoomIndex + direction));
        changeLook();
    }

    /**
     * A new look (theme, zoom) restyles the whole scene in one pulse. On screen, a picture of the window's body
     * covers it first; under it, a frame later, the notebooks' cards, the outline list and the documentation page
     * leave the scene, and the change comes a frame after that and restyles only the window's chrome (and a card
     * holding the focus). The rest comes back over the next frames, within the frame budget, and then the picture
     * goes. Each of the three steps has a frame of its own (BENCHMARKS.md). Before the window shows, the change is
     * made at once.
     */
    void changeLook() {
        ViewSettings.Look now = new ViewSettings.Look(w.darkProperty().get(), zoom());
        if (settings != null && !now.equals(remembered)) {
            remembered = now;
            settings.save(now);
        }
        if (!cover.cover(this::parkForLook, this::applyCoveredLook)) {
            // Uncovered, the cards in view stay: leaving would show an empty page for a frame.
            for (NotebookView view : w.views()) {
                view.parkCards(false);
            }
            w.docs().parkBlocks();
            applyLook();
        }
    }

    private void parkForLook() {
        for (NotebookView view : w.views()) {
            view.holdBuilds();
            view.parkCards(true);
        }
        w.outline().park();
        w.docs().parkForLook();
    }

    private void applyCoveredLook() {
        applyLook();
        for (NotebookView view : w.views()) {
            view.resumeBuilds();
        }
        w.docs().resumeAfterLook();
        w.soon().post(w.outline()::unpark);
    }


    private void applyLook() {
        if (appliedDark != w.darkProperty().get()) {
            appliedDark = w.darkProperty().get();
            Application.setUserAgentStylesheet(w.darkProperty().get() ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            w.markDark(w.darkProperty().get());
        }
        if (appliedZoom != zoomIndex) {
            appliedZoom = zoomIndex;
            double px = BASE_FONT * ZOOMS[zoomIndex];
            // The whole UI is sized in em, so one font size scales it all, crisply (no bitmap scaling).
            w.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px));
            // Menus, tooltips, popups and dialogs are other windows: the inline style above does not reach them.
            zoomStylesheet.setFontSize(px);
            for (NotebookView view : w.views()) {
                view.fontSizeProperty().set(px);
            }
            w.status().setZoom(ZOOMS[zoomIndex]);
        }
    }

    /** True once the cards, the outline list and the documentation page in view are back after a change of look. */
    private boolean settled() {
        NotebookTab tab = w.current();
        return (tab == null || tab.view().pageInViewShown()) && !w.outline().parked() && !w.docs().inViewParked();
    }

    /** True while a change of look is under way: a picture of the old look hides the page (tests, screenshots). */
    boolean covered() {
        return cover.showing();
    }
}
