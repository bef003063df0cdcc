package dev.pageframe.ui.notebook;

import dev.pageframe.ui.markdown.Anchors;
import dev.pageframe.ui.markdown.MarkdownView;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;

/** Finds the heading a {@code #fragment} link names among a notebook's Markdown cells and scrolls to it. */
final class HeadingLinks {

    private HeadingLinks() {}

    /** One heading: the cell it is in and its place among that cell's headings. */
    private record Place(CellModel cell, int index) {}

    static boolean scrollTo(NotebookView view, String anchor) {
        NotebookDocument doc = view.document();
        List<String> texts = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        for (CellModel c : doc.cells()) {
            List<HeadingInfo> headings = doc.headings(c);
            for (int i = 0; i < headings.size(); i++) {
                texts.add(headings.get(i).text());
                places.add(new Place(c, i));
            }
        }
        int found = Anchors.find(texts, anchor);
        if (found < 0) {
            return false;
        }
        Place place = places.get(found);
        doc.unfoldTo(place.cell());
        view.select(place.cell());
        Node cellView = view.viewOf(place.cell());
        // The card was perhaps only just built: styled now, the layout in scrollToCell measures it right.
        if (cellView != null) {
            cellView.applyCss();
        }
        view.scrollToCell(place.cell());
        if (place.index() > 0 && cellView != null) {
            // A heading further down its cell: on from the top of the cell by the heading's place in it.
            List<Node> nodes = MarkdownView.headingNodes(cellView);
            if (place.index() < nodes.size()) {
                Node heading = nodes.get(place.index());
                Point2D cellTop = cellView.localToScene(0, 0);
                Point2D headingTop = heading.localToScene(0, 0);
                view.scrollBy(headingTop.getY() - cellTop.getY());
            }
        }
        view.requestFocus();
        return true;
    }
}
