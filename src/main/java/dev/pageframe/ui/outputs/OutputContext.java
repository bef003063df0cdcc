package dev.pageframe.ui.outputs;

/** TEMPORARY stand-in until the outputs branch is merged: what an output view may ask of the app. */
public interface OutputContext {
    default void openDocs(String apiName) {}
}
