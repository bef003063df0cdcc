package dev.pageframe.ui.outputs;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.text.Text;

/**
 * Category axes with fixed categories, whose labels turn on end exactly when they would not fit
 * side by side. A {@code CategoryAxis} with fixed categories reserves height for turned labels
 * when they are crowded but draws them flat, leaving a wide empty band under the chart; setting
 * the rotation to what it measures keeps the two in step.
 */
final class CategoryLabels {

    private CategoryLabels() {}

    static CategoryAxis axis(List<String> categories, String label) {
        CategoryAxis axis = new CategoryAxis(FXCollections.observableArrayList(categories));
        axis.setLabel(label);
        axis.setAnimated(false);
        Runnable update = () -> axis.setTickLabelRotation(fits(axis, categories) ? 0 : 90);
        axis.widthProperty().addListener((obs, o, n) -> update.run());
        axis.tickLabelFontProperty().addListener((obs, o, n) -> update.run());
        return axis;
    }

    /** Whether the labels fit flat, measured as {@code CategoryAxis} measures them. */
    static boolean fits(CategoryAxis axis, List<String> categories) {
        double width = axis.getWidth();
        if (width <= 0 || categories.isEmpty()) {
            return true;
        }
        Text measure = new Text();
        measure.setFont(axis.getTickLabelFont());
        double maxGap = 0;
        double last = -1;
        for (String c : categories) {
            measure.setText(c);
            double size = measure.getLayoutBounds().getWidth();
            if (last >= 0) {
                maxGap = Math.max(maxGap, last + 6 + size / 2);
            }
            last = size / 2;
        }
        double needed = axis.getStartMargin() + maxGap * categories.size() + axis.getEndMargin();
        return needed <= width;
    }
}
