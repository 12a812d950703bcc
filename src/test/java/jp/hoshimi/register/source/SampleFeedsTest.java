package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo register feeds in sample-data/ parse, and tell the demo's story about the demo suppliers as of
 * 2026-12-01 (the demo's "today").
 */
class SampleFeedsTest {

    static final LocalDate DEMO_TODAY = LocalDate.of(2026, 12, 1);

    static Map<String, String> supplierCodeByNumber = new HashMap<>();
    static List<FeedEntry> star = new ArrayList<>();
    static List<FeedEntry> securityAction = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (CSVParser suppliers = CSVParser.parse(
                Path.of("sample-data", "demo-suppliers.csv"),
                StandardCharsets.UTF_8,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            for (CSVRecord row : suppliers) {
                if (!row.get("法人番号").isEmpty()) {
                    supplierCodeByNumber.put(row.get("法人番号"), row.get("取引先コード"));
                }
            }
        }
        FeedParser.parse(
                Path.of("sample-data", "register-star.csv"),
                FeedFormat.CSV,
                RegisterKind.STAR,
                FieldMapping.defaults(),
                star::add);
        FeedParser.parse(
                Path.of("sample-data", "register-security-action.csv"),
                FeedFormat.CSV,
                RegisterKind.SECURITY_ACTION,
                FieldMapping.defaults(),
                securityAction::add);
    }

    @Test
    void the_star_register_has_70_entries_of_which_20_are_not_our_suppliers() {
        assertThat(star).hasSize(70);
        assertThat(star)
                .filteredOn(entry -> !supplierCodeByNumber.containsKey(entry.corporateNumber()))
                .hasSize(20);
    }

    @Test
    void five_suppliers_are_not_registered_among_them_the_remote_maintenance_company() {
        Set<String> registered = star.stream().map(FeedEntry::corporateNumber).collect(Collectors.toSet());

        assertThat(supplierCodeByNumber.entrySet().stream()
                        .filter(supplier -> !registered.contains(supplier.getKey()))
                        .map(Map.Entry::getValue))
                .containsExactlyInAnyOrder("S-10011", "S-10024", "S-10037", "S-10044", "S-10054");
    }

    @Test
    void some_registrations_expired_one_is_suspended_and_one_revoked() {
        assertThat(codesWhere(entry -> entry.status().equals("EXPIRED")))
                .containsExactlyInAnyOrder("S-10021", "S-10036");
        assertThat(codesWhere(entry -> entry.status().equals("SUSPENDED"))).containsExactly("S-10016");
        assertThat(codesWhere(entry -> entry.status().equals("REVOKED"))).containsExactly("S-10039");
        assertThat(star)
                .filteredOn(entry -> entry.status().equals("EXPIRED"))
                .allSatisfy(entry -> assertThat(entry.validUntil()).isBefore(DEMO_TODAY));
    }

    @Test
    void active_registrations_run_out_within_30_90_and_180_days() {
        assertThat(codesWhere(entry -> active(entry) && daysLeft(entry) <= 30))
                .containsExactlyInAnyOrder("S-10010", "S-10014", "S-10029");
        assertThat(codesWhere(entry -> active(entry) && daysLeft(entry) > 30 && daysLeft(entry) <= 90))
                .containsExactlyInAnyOrder("S-10004", "S-10015", "S-10027", "S-10050");
        assertThat(codesWhere(entry -> active(entry)
                        && entry.level().equals("STAR4")
                        && daysLeft(entry) > 90
                        && daysLeft(entry) <= 180))
                .containsExactlyInAnyOrder("S-10013", "S-10035");
    }

    @Test
    void security_action_declarations_cover_15_suppliers_and_have_no_expiry() {
        assertThat(securityAction).hasSize(15);
        assertThat(securityAction).allSatisfy(entry -> {
            assertThat(supplierCodeByNumber).containsKey(entry.corporateNumber());
            assertThat(entry.validUntil()).isNull();
        });
        assertThat(securityAction).noneMatch(entry -> entry.corporateNumber().equals("6010046673841"));
    }

    private static boolean active(FeedEntry entry) {
        return entry.status().equals("ACTIVE");
    }

    private static long daysLeft(FeedEntry entry) {
        return ChronoUnit.DAYS.between(DEMO_TODAY, entry.validUntil());
    }

    private static List<String> codesWhere(Predicate<FeedEntry> condition) {
        return star.stream()
                .filter(condition)
                .map(entry -> supplierCodeByNumber.get(entry.corporateNumber()))
                .filter(Objects::nonNull)
                .toList();
    }
}
