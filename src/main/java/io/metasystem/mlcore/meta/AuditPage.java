package io.metasystem.mlcore.meta;

import java.util.List;

/** One page of the audit, newest first. {@code page} is 0-based. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {}
