package io.metasystem.mlcore.store;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Meta Marketing API insights response ({@code level=adset}, {@code time_increment=1}) as
 * {@link ParsedLine}s, one {@code data[]} element at a time: {@code {"data":[{adset_id, adset_name, campaign_id,
 * campaign_name, date_start, date_stop, spend, impressions, clicks, actions:[{action_type,value}],
 * action_values:[...]}], "paging":{...}}}. A bare array of rows is accepted too. Conversions and revenue are the
 * {@code actions} / {@code action_values} entries of the chosen action type; every other field, and all action
 * types, are kept as extra metrics.
 */
public final class MetaInsightsJson {
    /** Action type counted as a conversion unless the caller picks another. */
    public static final String DEFAULT_ACTION_TYPE = "offsite_conversion.fb_pixel_purchase";

    private static final JsonMapper JSON = StoredJson.STREAMING;
    private static final Set<String> MAPPED = Set.of(
            "adset_id",
            "adset_name",
            "campaign_id",
            "campaign_name",
            "date_start",
            "date_stop",
            "spend",
            "impressions",
            "clicks",
            "actions",
            "action_values",
            "account_currency",
            "account_id",
            "account_name",
            "adset_status",
            "adset_effective_status",
            "adset_daily_budget",
            "daily_budget",
            "effective_status");

    private MetaInsightsJson() {}

    /**
     * @param in         the response body; not closed here
     * @param actionType action type counted as conversions (e.g. {@code purchase}, {@code lead})
     * @param currency   account currency when the rows do not carry {@code account_currency}, nullable
     */
    public static Iterator<ParsedLine> parse(InputStream in, String actionType, String currency) {
        JsonParser parser = JSON.createParser(in);
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                boolean found = false;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("data".equals(name) && value == JsonToken.START_ARRAY) {
                        found = true;
                        break;
                    }
                    parser.skipChildren();
                }
                if (!found) {
                    throw new ImportRejectedException(new ImportProblem(
                            parser.currentLocation().getLineNr(), "data", "is required: an array of insight rows"));
                }
            } else if (first != JsonToken.START_ARRAY) {
                throw new ImportRejectedException(
                        new ImportProblem(1, "$", "expected an object with a data array (Meta insights response)"));
            }
        } catch (JacksonException e) {
            throw rejectOrRethrow(e);
        }
        return new Rows(parser, actionType, currency);
    }

    private static RuntimeException rejectOrRethrow(JacksonException e) {
        if (e.getCause() instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new ImportRejectedException(malformed(e, "$"));
    }

    /** The problem of a file that is not JSON, at the parser's line, with the first line of Jackson's message. */
    private static ImportProblem malformed(JacksonException e, String field) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = e.getOriginalMessage() == null
                ? "malformed JSON"
                : e.getOriginalMessage().split("\n")[0];
        return new ImportProblem(line, field, "malformed JSON: " + message);
    }

    private static final class Rows extends LookaheadLines {
        private final JsonParser parser;
        private final String actionType;
        private final String currency;
        private int index = -1;
        private boolean done;

        Rows(JsonParser parser, String actionType, String currency) {
            this.parser = parser;
            this.actionType = actionType;
            this.currency = currency;
        }

        @Override
        ParsedLine read() {
            if (done) {
                return null;
            }
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    done = true;
                    return null;
                }
                long line = parser.currentLocation().getLineNr();
                index++;
                JsonNode node = JSON.readTree(parser);
                return toLine(node, line, "data[" + index + "]");
            } catch (JacksonException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                done = true;
                return ParsedLine.invalid(List.of(malformed(e, "data[" + index + "]")));
            }
        }

        private ParsedLine toLine(JsonNode node, long line, String path) {
            List<ImportProblem> problems = new ArrayList<>();
            if (!node.isObject()) {
                return ParsedLine.invalid(List.of(new ImportProblem(line, path, "expected an object")));
            }
            String adSetId = text(node, "adset_id");
            if (adSetId == null) {
                problems.add(new ImportProblem(line, path + ".adset_id", "is required"));
            }
            LocalDate start = date(node, "date_start", line, path, problems, true);
            LocalDate stop = date(node, "date_stop", line, path, problems, false);
            if (start != null && stop != null && !start.equals(stop)) {
                problems.add(new ImportProblem(
                        line,
                        path + ".date_stop",
                        "rows must cover one day (request time_increment=1), got " + start + " to " + stop));
            }
            BigDecimal spend = number(node, "spend", line, path, problems, Numbers.MAX_MONEY);
            if (spend == null && !node.has("spend")) {
                problems.add(new ImportProblem(line, path + ".spend", "is required"));
            }
            Long impressions = whole(node, "impressions", line, path, problems);
            Long clicks = whole(node, "clicks", line, path, problems);
            ObjectNode actions = actions(node, "actions", line, path, problems);
            ObjectNode values = actions(node, "action_values", line, path, problems);
            BigDecimal budget = null;
            String budgetText = text(node, node.has("adset_daily_budget") ? "adset_daily_budget" : "daily_budget");
            if (budgetText != null) {
                try {
                    budget = new BigDecimal(budgetText);
                    String tooLarge = Numbers.outOfRange(budget, Numbers.MAX_MONEY);
                    if (tooLarge != null) {
                        problems.add(new ImportProblem(line, path + ".daily_budget", tooLarge));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new ImportProblem(
                            line, path + ".daily_budget", "expected a number, got '" + budgetText + "'"));
                }
            }
            if (!problems.isEmpty()) {
                return ParsedLine.invalid(problems);
            }
            BigDecimal conversions = actions == null
                    ? null
                    : actions.has(actionType) ? actions.get(actionType).decimalValue() : BigDecimal.ZERO;
            BigDecimal revenue = values == null
                    ? null
                    : values.has(actionType) ? values.get(actionType).decimalValue() : BigDecimal.ZERO;
            String revenueTooLarge = revenue == null ? null : Numbers.outOfRange(revenue, Numbers.MAX_MONEY);
            if (revenueTooLarge != null) {
                return ParsedLine.invalid(List.of(new ImportProblem(line, path + ".action_values", revenueTooLarge)));
            }
            ObjectNode extra = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!MAPPED.contains(field.getKey())) {
                    extra.set(field.getKey(), field.getValue());
                }
            }
            if (actions != null && !actions.isEmpty()) {
                extra.set("actions", actions);
            }
            if (values != null && !values.isEmpty()) {
                extra.set("action_values", values);
            }
            String rowCurrency = text(node, "account_currency");
            String status = Numbers.status(text(
                    node,
                    node.has("adset_effective_status")
                            ? "adset_effective_status"
                            : node.has("adset_status") ? "adset_status" : "effective_status"));
            return ParsedLine.ok(new InsightRow(
                    line,
                    start,
                    text(node, "campaign_id"),
                    text(node, "campaign_name"),
                    adSetId,
                    text(node, "adset_name"),
                    spend == null ? BigDecimal.ZERO : spend,
                    impressions,
                    clicks,
                    conversions,
                    revenue,
                    rowCurrency != null ? rowCurrency : currency,
                    status,
                    budget,
                    extra.isEmpty() ? null : JSON.writeValueAsString(extra)));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            String s = value.isValueNode() ? value.asString().strip() : value.toString();
            return s.isEmpty() ? null : s;
        }

        private static LocalDate date(
                JsonNode node, String field, long line, String path, List<ImportProblem> problems, boolean required) {
            String value = text(node, field);
            if (value == null) {
                if (required) {
                    problems.add(new ImportProblem(line, path + "." + field, "is required"));
                }
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(
                        new ImportProblem(line, path + "." + field, "expected a date YYYY-MM-DD, got '" + value + "'"));
                return null;
            }
        }

        private static BigDecimal number(
                JsonNode node, String field, long line, String path, List<ImportProblem> problems, BigDecimal max) {
            String value = text(node, field);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal n = new BigDecimal(value);
                if (n.signum() < 0) {
                    problems.add(new ImportProblem(line, path + "." + field, "must be >= 0, got " + value));
                    return null;
                }
                String tooLarge = Numbers.outOfRange(n, max);
                if (tooLarge != null) {
                    problems.add(new ImportProblem(line, path + "." + field, tooLarge));
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(new ImportProblem(line, path + "." + field, "expected a number, got '" + value + "'"));
                return null;
            }
        }

        private static Long whole(JsonNode node, String field, long line, String path, List<ImportProblem> problems) {
            BigDecimal n = number(node, field, line, path, problems, Numbers.MAX_COUNT);
            return Numbers.whole(n, line, path + "." + field, problems);
        }

        /** {@code [{action_type, value}]} as {@code {type: number}}; null when the field is absent. */
        private static ObjectNode actions(
                JsonNode node, String field, long line, String path, List<ImportProblem> problems) {
            JsonNode list = node.get(field);
            if (list == null || list.isNull()) {
                return null;
            }
            ObjectNode out = JSON.createObjectNode();
            if (!list.isArray()) {
                problems.add(new ImportProblem(line, path + "." + field, "expected an array of {action_type, value}"));
                return out;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String type = text(item, "action_type");
                String value = text(item, "value");
                if (type == null || value == null) {
                    problems.add(
                            new ImportProblem(line, path + "." + field + "[" + i + "]", "needs action_type and value"));
                    continue;
                }
                try {
                    BigDecimal n = new BigDecimal(value);
                    String tooLarge = Numbers.outOfRange(n, Numbers.MAX_COUNT);
                    if (tooLarge != null) {
                        problems.add(new ImportProblem(line, path + "." + field + "[" + i + "].value", tooLarge));
                    } else {
                        out.put(type, n);
                    }
                } catch (NumberFormatException e) {
                    problems.add(new ImportProblem(
                            line, path + "." + field + "[" + i + "].value", "expected a number, got '" + value + "'"));
                }
            }
            return out;
        }
    }
}
