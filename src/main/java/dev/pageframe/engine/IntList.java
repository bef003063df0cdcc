package dev.pageframe.engine;

import java.util.Arrays;

/** A growable list of ints, so per-area page lists do not box a million Integers. */
final class IntList {
    private int[] data = new int[8];
    private int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    int get(int i) {
        return data[i];
    }

    void set(int i, int v) {
        data[i] = v;
    }

    int size() {
        return size;
    }

    int removeLast() {
        return data[--size];
    }

    void clear() {
        size = 0;
    }
}
