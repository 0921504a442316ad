package dev.runtimeservice.manager.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request that proved it may see everything (it carried the API key, or no key is set): the servlet principal
 * that actuator's {@code when-authorized} asks for. It has no roles, and needs none.
 */
final class KeyHolder implements Principal {

    private static final KeyHolder INSTANCE = new KeyHolder();

    private KeyHolder() {}

    static HttpServletRequest of(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return INSTANCE;
            }
        };
    }

    @Override
    public String getName() {
        return "api-key-holder";
    }
}
