package jp.hoshimi.security;

import java.util.Set;
import jp.hoshimi.shared.identity.Role;

/** What is needed to create a user account; the password is hashed before it is stored. */
public record NewUser(String username, String displayName, String email, String rawPassword, Set<Role> roles) {}
