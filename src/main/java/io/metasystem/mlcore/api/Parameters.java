package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.AccountIds;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The request rules every route shares: one account-id rule, one date-range rule for syncs, who asked. Paging is
 * {@link Paging}; dates are {@link DateParameters}.
 */
final class Parameters {
    static final Pattern ACCOUNT_ID = AccountIds.PATTERN;
    /** Longest sync range: Meta keeps 37 months of insights. */
    static final int MAX_SYNC_DAYS = 1125;

    private Parameters() {}

    /**
     * A valid ad-account id of a path, query or body, in the stored spelling (without {@code act_},
     * {@link AccountIds}).
     *
     * @throws InvalidInputException naming {@code account_id} unless the value is 1-64 letters, digits, '_', '.' or
     *     '-'
     */
    static String accountId(String value) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            throw new InvalidInputException(
                    "account_id", "must be 1-64 characters of letters, digits, '_', '.' or '-', got '" + value + "'");
        }
        return AccountIds.canonical(value);
    }

    /** As {@link #accountId} for an optional parameter: null or blank gives null. */
    static String optionalAccountId(String value) {
        return value == null || value.isBlank() ? null : accountId(value);
    }

    /**
     * The days of a sync: {@code until} defaults to yesterday (UTC), {@code since} to six days before it; at most
     * {@value #MAX_SYNC_DAYS} days.
     *
     * @return {@code {since, until}}
     * @throws InvalidInputException naming {@code since} or {@code until}
     */
    static LocalDate[] syncRange(String since, String until, LocalDate today) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate yesterday = today.minusDays(1);
        LocalDate to = DateParameters.parse("until", until, yesterday, errors);
        LocalDate from = DateParameters.parse("since", since, to.minusDays(6), errors);
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.add(new FieldProblem("until", "must not be before since (" + from + "), got " + to));
        }
        if (errors.isEmpty() && from.plusDays(MAX_SYNC_DAYS).isBefore(to)) {
            errors.add(new FieldProblem("since", "range is longer than 1125 days (Meta keeps 37 months)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LocalDate[] {from, to};
    }

    /** Who asked, for the audit: {@code who[:X-Requested-By] (request <X-Request-Id>)}, sanitised. */
    static String requester(HttpServletRequest request, String who) {
        String by = request.getHeader("X-Requested-By");
        String id = MDC.get(RequestIdFilter.MDC_KEY);
        String name = by == null || by.isBlank() ? who : who + ":" + by.strip().replaceAll("[^\\w .@:-]", "_");
        return name + (id == null ? "" : " (request " + id + ")");
    }
}
