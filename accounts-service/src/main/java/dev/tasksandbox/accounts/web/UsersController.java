package dev.tasksandbox.accounts.web;

import dev.tasksandbox.accounts.application.RegisterUser;
import dev.tasksandbox.accounts.domain.Password;
import dev.tasksandbox.kernel.EmailAddress;
import dev.tasksandbox.kernel.FieldValidation;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/users")
class UsersController {

    static final URI ME = URI.create("/api/users/me");

    record RegistrationRequest(String email, String password) {
    }

    record Registered(String id) {
    }

    private final RegisterUser registerUser;

    UsersController(RegisterUser registerUser) {
        this.registerUser = registerUser;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Registered>> register(@RequestBody RegistrationRequest request) {
        FieldValidation validation = new FieldValidation();
        EmailAddress email = validation.check(() -> new EmailAddress(request.email()));
        Password password = validation.check(() -> new Password(request.password()));
        validation.throwIfInvalid();
        return registerUser.handle(new RegisterUser.Command(email, password))
                .map(id -> ResponseEntity.created(ME).body(new Registered(id.toString())));
    }
}
