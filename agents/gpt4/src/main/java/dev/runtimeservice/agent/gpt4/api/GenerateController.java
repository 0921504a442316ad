package dev.runtimeservice.agent.gpt4.api;

import dev.runtimeservice.agent.sdk.skill.Skills;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Serves {@code POST /generate}: a prompt in, the generated text out, through the {@code generate} skill. */
@RestController
class GenerateController {

    private final Skills skills;

    GenerateController(Skills skills) {
        this.skills = skills;
    }

    @PostMapping("/generate")
    GenerateResponse generate(@Valid @RequestBody GenerateRequest body) {
        return skills.data("generate", body, GenerateResponse.class);
    }
}
