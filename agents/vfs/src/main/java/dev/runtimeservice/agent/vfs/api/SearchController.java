package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.vfs.VfsProperties;
import dev.runtimeservice.agent.vfs.error.BadRequestException;
import dev.runtimeservice.agent.vfs.path.VirtualPath;
import dev.runtimeservice.agent.vfs.search.SearchResult;
import dev.runtimeservice.agent.vfs.search.Searcher;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search by glob and by text content. */
@RestController
class SearchController {

    private final Searcher searcher;
    private final VfsProperties limits;

    SearchController(Searcher searcher, VfsProperties limits) {
        this.searcher = searcher;
        this.limits = limits;
    }

    @GetMapping("/fs/search")
    SearchResult search(@RequestParam(required = false) @Nullable String path,
            @RequestParam(required = false) @Nullable String glob,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(name = "case_sensitive", defaultValue = "false") boolean caseSensitive,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > limits.maxSearchResults()) {
            throw new BadRequestException("limit must be between 1 and " + limits.maxSearchResults() + ".");
        }
        return searcher.search(VirtualPath.parse(path), glob, text, caseSensitive, limit);
    }
}
