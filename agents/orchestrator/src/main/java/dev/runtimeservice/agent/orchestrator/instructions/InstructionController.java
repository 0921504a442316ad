package dev.runtimeservice.agent.orchestrator.instructions;

import dev.runtimeservice.agent.sdk.trace.RequestIdFilter;
import jakarta.validation.Valid;
import java.util.Objects;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /instructions}: routes an instruction and, with {@code "execute": true}, carries it out. */
@RestController
class InstructionController {

    private final InstructionService service;

    InstructionController(InstructionService service) {
        this.service = service;
    }

    @PostMapping("/instructions")
    InstructionAnswer instruct(@Valid @RequestBody InstructionRequest request) {
        // The SDK's filter has put the caller's X-Request-Id (or a new one) in the logging context.
        String requestId = RequestIdFilter.idFor(MDC.get(RequestIdFilter.MDC_KEY));
        return service.handle(Objects.requireNonNull(request.text()), request.executes(), requestId);
    }

    @ExceptionHandler(InstructionException.class)
    ResponseEntity<ProblemDetail> failed(InstructionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }
}
