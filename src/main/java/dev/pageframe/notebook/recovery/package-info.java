/**
 * Recovery copies of notebooks with unsaved changes, kept in the user's data directory so a crash or a kill loses
 * at most the last few seconds of work. No JavaFX: the app decides when to save a copy, this package how.
 */
package dev.pageframe.notebook.recovery;
