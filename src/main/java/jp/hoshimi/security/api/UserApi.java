package jp.hoshimi.security.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import jp.hoshimi.security.OneTimePassword;
import jp.hoshimi.security.UserAccount;
import jp.hoshimi.security.UserAdminService;
import jp.hoshimi.security.UserFilter;
import jp.hoshimi.security.UserForm;
import jp.hoshimi.security.UserListItem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.api.ApiPage;
import jp.hoshimi.shared.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Provisioning of users from a directory or HR system; administrator tokens only (the service checks). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "User provisioning (administrator tokens only)")
class UserApi {

    /** A user to create or change; {@code username} is ignored on update, {@code version} required there. */
    record UserRequest(
            String username,
            String displayName,
            String email,
            Set<Role> roles,
            Set<Long> unitIds,
            Boolean groupWide,
            Integer version) {

        UserForm form() {
            return new UserForm(username, displayName, email, roles, unitIds, Boolean.TRUE.equals(groupWide));
        }
    }

    /** A created user and the one-time password they must change at their first sign-in (shown once). */
    record CreatedUser(UserAccount user, String oneTimePassword) {}

    private final UserAdminService users;

    UserApi(UserAdminService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List users, filtered by text (user name, name, e-mail), role and active state; paged")
    ResponseEntity<List<UserListItem>> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean active,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = ApiPage.LIMIT_DESCRIPTION) @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        return page.answer(request, users.list(new UserFilter(q, role, active), page.offset(), page.limit()), null);
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return users.find(id).orElseThrow(() -> new NotFoundException(UserAdminService.AUDIT_TYPE, id));
    }

    @PostMapping
    @Operation(
            summary = "Create a user with roles and units",
            description = "Answers the user and a one-time password, which is shown only in this answer; the user"
                    + " must change it at the first sign-in.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<CreatedUser> create(@RequestBody UserRequest request) {
        OneTimePassword password = users.create(request.form());
        return ResponseEntity.created(URI.create("/api/v1/users/" + password.userId()))
                .body(new CreatedUser(get(password.userId()), password.value()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a user's name, e-mail, roles and units (version required; 409 when stale)")
    UserAccount update(@PathVariable long id, @RequestBody UserRequest request) {
        if (request.version() == null) {
            throw jp.hoshimi.shared.api.ApiParameters.missingVersion();
        }
        get(id);
        users.update(id, request.version(), request.form());
        return get(id);
    }

    @PostMapping("/{id}/deactivate")
    @Operation(
            summary = "Deactivate a user",
            description = "Ends the user's sessions and revokes the API tokens they created; refused (422) for the"
                    + " last active administrator.")
    UserAccount deactivate(@PathVariable long id) {
        get(id);
        users.deactivate(id);
        return get(id);
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate a deactivated user")
    UserAccount reactivate(@PathVariable long id) {
        get(id);
        users.reactivate(id);
        return get(id);
    }
}
