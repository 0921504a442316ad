package dev.runtimeservice.agent.orchestrator.instructions;

import dev.runtimeservice.agent.sdk.skill.Skills;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /instructions}: routes an instruction and, with {@code "execute": true}, carries it out, through the
 * {@code route} skill.
 */
@RestController
class InstructionController {

    private final Skills skills;

    InstructionController(Skills skills) {
        this.skills = skills;
    }

    @PostMapping("/instructions")
    InstructionAnswer instruct(@Valid @RequestBody InstructionRequest request) {
        return skills.data(RouteSkill.ID, request, InstructionAnswer.class);
    }

    @ExceptionHandler(InstructionException.class)
    ResponseEntity<ProblemDetail> failed(InstructionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }
}
