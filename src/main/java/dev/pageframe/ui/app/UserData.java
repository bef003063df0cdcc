package dev.pageframe.ui.app;

import dev.pageframe.notebook.exercise.ExerciseProgress;
import dev.pageframe.notebook.recovery.RecoveryStore;
import java.time.Duration;
import java.util.Objects;

/**
 * The user's own data the app keeps beside their notebooks: recovery copies and exercise progress.
 *
 * @param recovery      where copies of unsaved changes go
 * @param exercises     each learner's progress through exercises
 * @param autosaveDelay the longest a change waits before its recovery copy is written
 */
public record UserData(RecoveryStore recovery, ExerciseProgress exercises, Duration autosaveDelay) {
    /** At most this long after a change, its recovery copy is on disk (the promise: 30 s). */
    public static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(30);

    /** Requires every part and a positive delay. */
    public UserData {
        Objects.requireNonNull(recovery);
        Objects.requireNonNull(exercises);
        if (autosaveDelay.isNegative() || autosaveDelay.isZero()) {
            throw new IllegalArgumentException("autosave delay must be positive: " + autosaveDelay);
        }
    }

    /** This user's data directory, copies written at most 30 s after a change. */
    public static UserData forCurrentUser() {
        return new UserData(RecoveryStore.forCurrentUser(), ExerciseProgress.forCurrentUser(), AUTOSAVE_DELAY);
    }
}
