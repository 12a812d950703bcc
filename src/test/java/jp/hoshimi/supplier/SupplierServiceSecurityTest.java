package jp.hoshimi.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

/** The service checks the role itself, whatever the UI shows. */
@SpringBootTest
class SupplierServiceSecurityTest {

    @Autowired
    SupplierService suppliers;

    @Test
    void nobody_signed_in_cannot_read_suppliers() {
        assertThatThrownBy(() -> suppliers.count(SupplierFilter.none()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void an_auditor_may_read_but_not_create() {
        assertThat(suppliers.count(SupplierFilter.none()).value()).isGreaterThanOrEqualTo(60);
        assertThatThrownBy(() -> suppliers.createAll(
                        List.of(new SupplierForm(null, null, "x", null, null, null, null, null, null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "SOMETHING_ELSE")
    void an_unknown_role_may_not_even_read() {
        assertThatThrownBy(() -> suppliers.count(SupplierFilter.none())).isInstanceOf(AccessDeniedException.class);
    }
}
