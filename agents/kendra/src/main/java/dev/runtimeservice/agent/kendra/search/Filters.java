package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.kendra.index.DocumentFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/** Turns a request's language and metadata filters into one Lucene filter query. */
final class Filters {

    private static final List<String> RANGE_BOUNDS = List.of("gte", "gt", "lte", "lt");

    private Filters() {}

    /** Returns the filter, or {@code null} when the request has none. */
    static @Nullable Query of(@Nullable String language, @Nullable Map<String, Object> filters) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        if (language != null && !language.isBlank()) {
            all.add(
                    new TermQuery(
                            new Term(DocumentFields.LANGUAGE, language.trim().toLowerCase(Locale.ROOT))),
                    BooleanClause.Occur.FILTER);
            any = true;
        }
        if (filters != null) {
            for (Map.Entry<String, Object> filter : filters.entrySet()) {
                all.add(one(filter.getKey(), filter.getValue()), BooleanClause.Occur.FILTER);
                any = true;
            }
        }
        return any ? all.build() : null;
    }

    private static Query one(String key, @Nullable Object value) {
        if (value instanceof List<?> values) {
            if (values.isEmpty()) {
                throw new InvalidSearchException("filter '" + key + "' is an empty list; give at least one value.");
            }
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            values.forEach(item -> anyOf.add(equal(key, item), BooleanClause.Occur.SHOULD));
            return anyOf.build();
        }
        if (value instanceof Map<?, ?> range) {
            return range(key, range);
        }
        return equal(key, value);
    }

    private static Query equal(String key, @Nullable Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return new TermQuery(new Term(DocumentFields.keywordField(key), DocumentFields.keyword(value)));
        }
        throw new InvalidSearchException("filter '" + key + "' must be a string, number, boolean, a list of "
                + "them, or a range such as {\"gte\": 2020, \"lt\": 2024}.");
    }

    private static Query range(String key, Map<?, ?> range) {
        if (range.isEmpty() || !RANGE_BOUNDS.containsAll(range.keySet())) {
            throw new InvalidSearchException("range filter '" + key + "' takes only " + RANGE_BOUNDS + ".");
        }
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        if (range.containsKey("gte")) {
            lower = number(key, range.get("gte"));
        }
        if (range.containsKey("gt")) {
            lower = Math.nextUp(number(key, range.get("gt")));
        }
        if (range.containsKey("lte")) {
            upper = number(key, range.get("lte"));
        }
        if (range.containsKey("lt")) {
            upper = Math.nextDown(number(key, range.get("lt")));
        }
        return DoublePoint.newRangeQuery(DocumentFields.numberField(key), lower, upper);
    }

    private static double number(String key, @Nullable Object bound) {
        if (bound instanceof Number number) {
            return number.doubleValue();
        }
        throw new InvalidSearchException("range filter '" + key + "' needs numbers as bounds.");
    }
}
