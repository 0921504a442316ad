package dev.runtimeservice.agent.kendra.search;

import dev.runtimeservice.agent.sdk.skill.Skills;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search API, through the {@code search} skill: a JSON body on POST, or query parameters on GET for quick use
 * with curl.
 */
@RestController
class SearchController {

    private final Skills skills;

    SearchController(Skills skills) {
        this.skills = skills;
    }

    @PostMapping("/search")
    SearchResponse search(@RequestBody SearchRequest request) {
        return skills.data("search", request, SearchResponse.class);
    }

    @GetMapping("/search")
    SearchResponse search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(name = "top_k", required = false) @Nullable Integer topK,
            @RequestParam(required = false) @Nullable Integer offset,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(name = "filter", required = false) @Nullable List<String> filters) {
        return search(new SearchRequest(q, mode, topK, offset, language, parse(filters)));
    }

    /** Reads {@code key:value} pairs; repeating a key means any of its values. */
    private static @Nullable Map<String, Object> parse(@Nullable List<String> filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        Map<String, List<Object>> byKey = new LinkedHashMap<>();
        for (String filter : filters) {
            int colon = filter.indexOf(':');
            if (colon < 1 || colon == filter.length() - 1) {
                throw new InvalidSearchException("filter '" + filter + "' must be key:value, such as "
                        + "filter=category:legal; use POST /search for ranges.");
            }
            byKey.computeIfAbsent(filter.substring(0, colon), key -> new java.util.ArrayList<>())
                    .add(filter.substring(colon + 1));
        }
        return new LinkedHashMap<>(byKey);
    }
}
