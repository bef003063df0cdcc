/**
 * Exercises for self-study, kept in ordinary cells: which cell is the task, the answer and the check is a tag
 * ({@code exercise-task}, {@code exercise-answer}, {@code exercise-check}); the exercise's id, hints and reference
 * solution live in {@code metadata.pageframe.exercise}. Other Jupyter tools show the tags and keep the metadata
 * without acting on either. A learner's progress is kept outside the notebook, in the user's data directory.
 */
package dev.pageframe.notebook.exercise;
