package dev.pageframe.ui.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The legend of a chart as one check box per series, each with its series' colour: unticking
 * hides the series. Colours come from the same {@code default-colorN} classes the chart uses.
 */
final class SeriesToggles extends FlowPane {

    private final List<CheckBox> boxes = new ArrayList<>();

    /**
     * @param onToggle called with the series index and whether it is now shown
     */
    SeriesToggles(List<String> names, BiConsumer<Integer, Boolean> onToggle) {
        getStyleClass().add("chart-series-toggles");
        setMinWidth(0);
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            Region swatch = new Region();
            swatch.getStyleClass().addAll("chart-swatch", "default-color" + (i % 8));
            CheckBox box = new CheckBox(names.get(i).isEmpty() ? "series " + (i + 1) : names.get(i));
            // Series are often named after kernel functions; their underscores are text, not mnemonics.
            box.setMnemonicParsing(false);
            box.setGraphic(swatch);
            box.setSelected(true);
            box.getStyleClass().add("chart-series-toggle");
            box.setTooltip(new Tooltip("Show or hide this series"));
            box.selectedProperty().addListener((obs, was, shown) -> onToggle.accept(index, shown));
            boxes.add(box);
            getChildren().add(box);
        }
    }

    /** The check box of series {@code i}. */
    CheckBox toggle(int i) {
        return boxes.get(i);
    }

    boolean isShown(int i) {
        return boxes.get(i).isSelected();
    }
}
