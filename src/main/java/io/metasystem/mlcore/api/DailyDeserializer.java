package io.metasystem.mlcore.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Reads one {@link OptimizeRequest.Daily} row straight from the tokens: the bulk of an optimize body (28 rows per ad
 * set), so it skips the generic record machinery (a creator-property buffer per row) and parses the common
 * {@code yyyy-MM-dd} date without a formatter. Anything unusual (a number as a string, another date form, a wrong
 * type, an unknown field) goes to Jackson's own deserializers and error reports, so answers and problem+json errors
 * (field paths, messages) stay what the record deserializer gave.
 */
final class DailyDeserializer extends ValueDeserializer<OptimizeRequest.Daily> {
    private static final List<String> NAMES =
            List.of("date", "spend", "impressions", "clicks", "conversions", "revenue");
    /** Jackson's own matcher of property names on the raw bytes (as its bean deserializers use). */
    private static final PropertyNameMatcher MATCHER = BinaryNameMatcher.construct(NAMES);

    private ValueDeserializer<Object> dates;
    private ValueDeserializer<Object> doubles;

    @Override
    public void resolve(DeserializationContext ctxt) {
        dates = ctxt.findRootValueDeserializer(ctxt.constructType(LocalDate.class));
        doubles = ctxt.findRootValueDeserializer(ctxt.constructType(Double.class));
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
        return List.copyOf(NAMES);
    }

    @Override
    public OptimizeRequest.Daily deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        int match;
        if (t == JsonToken.START_OBJECT) {
            match = p.nextNameMatch(MATCHER);
        } else if (t == JsonToken.PROPERTY_NAME) {
            match = p.currentNameMatch(MATCHER);
        } else if (t == JsonToken.END_OBJECT) {
            match = PropertyNameMatcher.MATCH_END_OBJECT;
        } else {
            return (OptimizeRequest.Daily) ctxt.handleUnexpectedToken(OptimizeRequest.Daily.class, p);
        }
        LocalDate date = null;
        Double spend = null;
        Double impressions = null;
        Double clicks = null;
        Double conversions = null;
        Double revenue = null;
        for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = p.nextNameMatch(MATCHER)) {
            if (match < 0) {
                // reported with its path by Jackson (UnrecognizedPropertyException) or skipped
                String unknown = p.currentName();
                p.nextToken();
                ctxt.handleUnknownProperty(p, this, OptimizeRequest.Daily.class, unknown);
                continue;
            }
            String name = NAMES.get(match);
            p.nextToken();
            try {
                switch (match) {
                    case 0 -> date = date(p, ctxt);
                    case 1 -> spend = number(p, ctxt);
                    case 2 -> impressions = number(p, ctxt);
                    case 3 -> clicks = number(p, ctxt);
                    case 4 -> conversions = number(p, ctxt);
                    default -> revenue = number(p, ctxt);
                }
            } catch (DatabindException e) {
                throw DatabindException.wrapWithPath(
                        ctxt, e, new JacksonException.Reference(OptimizeRequest.Daily.class, name));
            }
        }
        return new OptimizeRequest.Daily(date, spend, impressions, clicks, conversions, revenue);
    }

    private Double number(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        return t == JsonToken.VALUE_NULL ? null : (Double) doubles.deserialize(p, ctxt);
    }

    /** {@code yyyy-MM-dd} by hand; any other text (and an impossible day) as Jackson's LocalDate reader has it. */
    private LocalDate date(JsonParser p, DeserializationContext ctxt) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING && p.getStringLength() == 10) {
            char[] c = p.getStringCharacters();
            int o = p.getStringOffset();
            if (c[o + 4] == '-' && c[o + 7] == '-') {
                int year = digits(c, o, 4);
                int month = digits(c, o + 5, 2);
                int day = digits(c, o + 8, 2);
                if (year >= 0 && month >= 0 && day >= 0) {
                    try {
                        return LocalDate.of(year, month, day);
                    } catch (DateTimeException e) {
                        // impossible day: Jackson's reader reports it
                    }
                }
            }
        }
        return (LocalDate) dates.deserialize(p, ctxt);
    }

    /** The decimal value of {@code n} ASCII digits, or -1 when one is not a digit. */
    private static int digits(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
