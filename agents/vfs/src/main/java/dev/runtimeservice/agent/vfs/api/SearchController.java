package dev.runtimeservice.agent.vfs.api;

import dev.runtimeservice.agent.sdk.skill.Skills;
import dev.runtimeservice.agent.vfs.search.SearchResult;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search by glob and by text content, through the {@code vfs.search} skill. */
@RestController
class SearchController {

    private final Skills skills;

    SearchController(Skills skills) {
        this.skills = skills;
    }

    @GetMapping("/fs/search")
    SearchResult search(
            @RequestParam(required = false) @Nullable String path,
            @RequestParam(required = false) @Nullable String glob,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(name = "case_sensitive", defaultValue = "false") boolean caseSensitive,
            @RequestParam(defaultValue = "100") int limit) {
        return skills.data(
                "vfs.search", new VfsInputs.Search(path, glob, text, caseSensitive, limit), SearchResult.class);
    }
}
