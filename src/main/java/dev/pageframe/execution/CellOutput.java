package dev.pageframe.execution;

/** One output of a cell, shaped like a Jupyter output so the file model can map it one to one. */
public sealed interface CellOutput permits StreamOutput, ExecuteResult, DisplayData, ErrorOutput {}
