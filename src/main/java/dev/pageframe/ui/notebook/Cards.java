package dev.pageframe.ui.notebook;

import dev.pageframe.ui.common.Focus;
import dev.pageframe.ui.common.FrameBudget;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * Builds a notebook page's cards lazily: every cell gets a cheap placeholder of about its height, and the real
 * card is made when the placeholder comes near the viewport, a few per frame, so a long notebook opens at once
 * and the FX thread never stalls. Cards can be parked (taken out of the scene) for a change of look.
 */
final class Cards {
    /** The most cards made in one frame: each costs several milliseconds of styling and layout afterwards. */
    private static final int MAX_BUILDS_PER_FRAME = 2;
    private static final long SETTLE_MILLIS = 250;
    private static final long SLOW_FRAME_NANOS = 30_000_000L;

    private final NotebookView view;
    private final PageScroll scroll;
    private final Map<CellModel, CardSlot> slots = new IdentityHashMap<>();
    private final AnimationTimer builder;
    private boolean buildsHeld;
    private Runnable onFirstPage;
    /** When the builder last ran (0 while it is stopped), to notice slow frames. */
    private long lastBuildFrame;
    private boolean builderRunning;
    /** When a card was last made or brought back into the scene (System.nanoTime), 0 before the first. */
    private long lastCardBuilt;
    /** How many times a cell's height was worked out rather than remembered (tests watch layout cost). */
    private long cellMeasurements;

    Cards(NotebookView view, PageScroll scroll) {
        this.view = view;
        this.scroll = scroll;
        builder = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (view.getScene() == null) {
                    // Out of the scene (a closed tab, the start-up warm-up page): a running timer would keep the
                    // view alive and the toolkit pulsing. Joining a scene starts it again.
                    stopBuilder();
                    return;
                }
                if (buildsHeld || FrameBudget.spent(now)) {
                    return; // held for a change of look, or other deferred work had this frame
                }
                // A new card is cheap to make, but styling and laying it out (next pulse) is not: after a slow
                // frame, make only one card, so no frame grows past the budget.
                boolean slow = lastBuildFrame != 0 && now - lastBuildFrame > SLOW_FRAME_NANOS;
                lastBuildFrame = now;
                buildVisible(slow, FrameBudget.deadline(now));
            }
        };
    }

    CardSlot slot(CellModel cell) {
        return cell == null ? null : slots.get(cell);
    }

    Iterable<CardSlot> all() {
        return slots.values();
    }

    void setOnFirstPage(Runnable r) {
        this.onFirstPage = r;
    }

    long measurements() {
        return cellMeasurements;
    }

    void measured() {
        cellMeasurements++;
    }

    void cardBuilt() {
        lastCardBuilt = System.nanoTime();
    }

    CellView makeView(CellModel cell) {
        return switch (cell.type()) {
            case CODE -> new CodeCellView(cell, view);
            case MARKDOWN -> new MarkdownCellView(cell, view);
            case RAW, UNKNOWN -> new RawCellView(cell, view);
        };
    }

    /** Matches the slots to the document's cells: new cells get a placeholder, removed ones are disposed. */
    void sync(List<CellModel> cells) {
        List<Node> children = new ArrayList<>(cells.size());
        Map<CellModel, CardSlot> keep = new IdentityHashMap<>();
        for (CellModel c : cells) {
            CardSlot s = slots.remove(c);
            if (s == null) {
                s = new CardSlot(c, this);
            }
            keep.put(c, s);
            children.add(s);
        }
        for (CardSlot gone : slots.values()) {
            gone.dispose();
        }
        slots.clear();
        slots.putAll(keep);
        scroll.column().getChildren().setAll(children);
        start();
    }

    double estimateHeight(CellModel c) {
        double line = view.fontSizeProperty().get() * 1.45;
        long lines = c.source().lines().count() + 1;
        double h = switch (c.type()) {
            case CODE -> lines * line + line * 1.5 + c.outputs().size() * line * 4;
            case MARKDOWN -> lines * line * 1.2 + line;
            case RAW, UNKNOWN -> lines * line + line;
        };
        return Math.max(line * 2.5, h);
    }

    void start() {
        builderRunning = true;
        builder.start();
    }

    private void stopBuilder() {
        builderRunning = false;
        lastBuildFrame = 0;
        builder.stop();
    }

    boolean running() {
        return builderRunning;
    }

    void hold() {
        buildsHeld = true;
    }

    void resume() {
        buildsHeld = false;
        start();
    }

    /** See {@link NotebookView#parkCards(boolean)}. */
    void park(boolean inViewToo, CellModel selected) {
        if (scroll.viewportHeight() <= 0) {
            return;
        }
        double top = scroll.scrollOffset();
        double bottom = top + scroll.viewportHeight();
        boolean parkedInView = false;
        for (Node n : scroll.column().getChildren()) {
            CardSlot s = (CardSlot) n;
            if (!s.shown() || !s.isManaged() || Focus.heldIn(s)) {
                continue;
            }
            double y = scroll.slotTop(s);
            boolean inView = y + s.getHeight() >= top && y <= bottom;
            if (inViewToo || !inView && s.cell != selected) {
                s.park();
                parkedInView |= inView;
            }
        }
        if (parkedInView) {
            start();
        }
    }

    boolean pageInViewShown() {
        double top = scroll.scrollOffset();
        return !hasUnbuiltOnScreen(top, top + scroll.viewportHeight());
    }

    /** See {@link NotebookView#settling()}. */
    boolean settling() {
        return !pageInViewShown()
                || (lastCardBuilt != 0 && System.nanoTime() - lastCardBuilt < SETTLE_MILLIS * 1_000_000L);
    }

    /**
     * Builds the cards of cells near the viewport (or brings parked ones back): those on screen until
     * {@code deadline} (the frame's {@link FrameBudget}) and at most {@value #MAX_BUILDS_PER_FRAME} per frame (one
     * after a slow frame), those just above or below it (built ahead, so scrolling finds them ready) one per
     * frame, which keeps every frame short.
     */
    private void buildVisible(boolean slowFrame, long deadline) {
        double viewHeight = scroll.viewportHeight();
        if (viewHeight <= 0) {
            return; // not laid out yet (the builder itself stops while the view is out of the scene)
        }
        double viewTop = scroll.scrollOffset();
        double viewBottom = viewTop + viewHeight;
        double top = viewTop - viewHeight * 0.5;
        double bottom = viewBottom + viewHeight;
        int builds = 0;
        boolean builtAny = false;
        boolean remaining = false;
        CardSlot ahead = null;
        for (Node n : scroll.column().getChildren()) {
            CardSlot s = (CardSlot) n;
            if (!s.isManaged()) {
                continue;
            }
            double y = scroll.slotTop(s);
            double h = s.getHeight();
            if (y + h < top) {
                continue;
            }
            if (y > bottom) {
                break;
            }
            if (s.shown()) {
                continue;
            }
            boolean onScreen = y + h >= viewTop && y <= viewBottom;
            if (!onScreen) {
                if (ahead == null) {
                    ahead = s;
                } else {
                    remaining = true;
                }
                continue;
            }
            if (builtAny && (slowFrame || builds >= MAX_BUILDS_PER_FRAME || System.nanoTime() > deadline)) {
                remaining = true;
                break;
            }
            buildNow(s);
            builds++;
            builtAny = true;
        }
        if (!builtAny && ahead != null) {
            ahead.build();
            builtAny = true;
        } else if (ahead != null) {
            remaining = true;
        }
        finishFrame(builtAny, remaining, viewTop, viewBottom);
    }

    /** Builds a card, styled and measured now rather than in this pulse's passes, so the budget counts it. */
    private static void buildNow(CardSlot s) {
        s.build();
        s.applyCss();
        if (s.getWidth() > 0) {
            s.prefHeight(s.getWidth());
        }
    }

    private void finishFrame(boolean builtAny, boolean remaining, double viewTop, double viewBottom) {
        if (!builtAny && !remaining) {
            stopBuilder();
        }
        if (!remaining && onFirstPage != null && !hasUnbuiltOnScreen(viewTop, viewBottom)) {
            Runnable r = onFirstPage;
            onFirstPage = null;
            r.run();
        }
    }

    private boolean hasUnbuiltOnScreen(double viewTop, double viewBottom) {
        for (Node n : scroll.column().getChildren()) {
            CardSlot s = (CardSlot) n;
            if (!s.isManaged()) {
                continue;
            }
            double y = scroll.slotTop(s);
            if (y > viewBottom) {
                return false;
            }
            if (y + s.getHeight() >= viewTop && !s.shown()) {
                return true;
            }
        }
        return false;
    }
}
