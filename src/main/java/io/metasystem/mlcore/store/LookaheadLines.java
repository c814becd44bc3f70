package io.metasystem.mlcore.store;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The parsed lines of an import file, read one ahead: subclasses say how to read the next line, this class keeps the
 * {@link Iterator} contract ({@code hasNext} idempotent, {@code next} throws at the end).
 */
abstract class LookaheadLines implements Iterator<ParsedLine> {
    private ParsedLine next;
    private boolean ended;

    /**
     * Reads the next line of the file.
     *
     * @return the next line, or {@code null} when the file has no more (then never called again)
     */
    abstract ParsedLine read();

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = read();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public final ParsedLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedLine line = next;
        next = null;
        return line;
    }
}
