package io.metasystem.mlcore.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the rows of this page
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total rows over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
