package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.sdk.skill.Skills;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the summarise, translate and rewrite skills over REST; the skills ({@link Gpt4Skills}) turn the fields
 * into instructions for the configured model. How well it follows them is the model's doing, not the agent's.
 */
@RestController
@RequestMapping("/tasks")
class TaskController {

    private final Skills skills;

    TaskController(Skills skills) {
        this.skills = skills;
    }

    @PostMapping("/summarize")
    GenerateResponse summarize(@Valid @RequestBody TaskRequests.Summarize body) {
        return skills.data("summarize", body, GenerateResponse.class);
    }

    @PostMapping("/translate")
    GenerateResponse translate(@Valid @RequestBody TaskRequests.Translate body) {
        return skills.data("translate", body, GenerateResponse.class);
    }

    @PostMapping("/rewrite")
    GenerateResponse rewrite(@Valid @RequestBody TaskRequests.Rewrite body) {
        return skills.data("rewrite", body, GenerateResponse.class);
    }
}
