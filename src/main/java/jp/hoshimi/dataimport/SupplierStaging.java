package jp.hoshimi.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import jp.hoshimi.dataimport.internal.SupplierStageRepository;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.Candidate;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.Classified;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.PrimaryContact;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.Staged;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.Stored;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.ToWrite;
import jp.hoshimi.outreach.ContactForm;
import jp.hoshimi.outreach.ContactRules;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.ImportedContact;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.InvalidCorporateNumberException;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierRules;
import jp.hoshimi.supplier.SupplierService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The supplier import, set-based (decision 0023): {@link #stage} streams the spooled rows into the
 * staging table, checking each cell with the editor's own rules ({@link SupplierRules#cellProblems});
 * {@link #classify} compares the whole file with the master in one plain SELECT (no locks) and writes
 * each row's outcome; {@link #write} applies the new and changed rows in bulk in the caller's
 * transaction. The rules are those of the per-row path it replaces (decision 0006): keys, blank cells
 * keep the stored value, repeated rows, duplicates within the file and against the master.
 */
@Component
class SupplierStaging extends StagedImport<Staged, Classified> {

    private final SupplierStageRepository stage;
    private final SupplierService suppliers;
    private final ContactService contacts;

    SupplierStaging(
            SupplierStageRepository stage,
            SupplierService suppliers,
            ContactService contacts,
            PlatformTransactionManager transactions) {
        super(stage, transactions);
        this.stage = stage;
        this.suppliers = suppliers;
        this.contacts = contacts;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SUPPLIERS;
    }

    @Override
    Function<RowValues, Staged> rowReader() {
        return SupplierStaging::staged;
    }

    @Override
    void decideAll(long runId, Consumer<Decided<Classified>> sink) {
        stage.classify(runId, candidate -> sink.accept(decide(candidate)));
    }

    /** One row as the file states it, its key, and the problems its cells have on their own. */
    static Staged staged(RowValues row) {
        SupplierForm fromFile = new SupplierForm(
                row.text(ImportField.SUPPLIER_CORPORATE_NUMBER),
                row.text(ImportField.SUPPLIER_CODE),
                row.text(ImportField.SUPPLIER_NAME),
                row.text(ImportField.SUPPLIER_NAME_KANA),
                Optional.ofNullable(row.text(ImportField.SUPPLIER_COUNTRY))
                        .map(c -> c.toUpperCase(Locale.ROOT))
                        .orElse(null),
                row.text(ImportField.SUPPLIER_ADDRESS),
                row.text(ImportField.SUPPLIER_CONTACT_NAME),
                row.text(ImportField.SUPPLIER_CONTACT_EMAIL),
                row.text(ImportField.SUPPLIER_NOTES));
        String corporateNumber = fromFile.corporateNumber();
        List<FieldProblem> keyProblems = List.of();
        if (corporateNumber != null) {
            try {
                corporateNumber = CorporateNumber.parse(corporateNumber).value();
            } catch (InvalidCorporateNumberException e) {
                // as before: a bad 法人番号 is the row's only problem, and the number as written its key
                String key = corporateNumber;
                return new Staged(
                        row.rowNumber(),
                        key,
                        Staging.sha1(key),
                        Staging.sha1(key),
                        codeHash(row.text(ImportField.SUPPLIER_CODE)),
                        false,
                        null,
                        fromFile,
                        row.text(ImportField.SUPPLIER_CONTACT_DEPARTMENT),
                        row.text(ImportField.SUPPLIER_CONTACT_PHONE),
                        List.of(FieldProblem.of("corporateNumber", e.reason().messageKey())),
                        List.of());
            }
        }
        String code = fromFile.supplierCode();
        String key = corporateNumber != null
                ? corporateNumber
                : code != null ? code : fromFile.name() == null ? "#" + row.rowNumber() : fromFile.name();
        if (!row.problems().isEmpty()) {
            keyProblems = List.copyOf(row.problems());
        }
        String department = row.text(ImportField.SUPPLIER_CONTACT_DEPARTMENT);
        String phone = row.text(ImportField.SUPPLIER_CONTACT_PHONE);
        List<FieldProblem> valueProblems = new ArrayList<>(SupplierRules.cellProblems(fromFile, false));
        valueProblems.addAll(ContactRules.importProblems(department, phone));
        return new Staged(
                row.rowNumber(),
                key,
                Staging.sha1(key),
                Staging.sha1(values(fromFile) + department + '\u0000' + phone),
                codeHash(code),
                keyProblems.isEmpty() && !key.equals("#" + row.rowNumber()),
                corporateNumber,
                fromFile,
                department,
                phone,
                keyProblems,
                valueProblems);
    }

    private static String codeHash(String code) {
        return code == null ? null : Staging.sha1(code);
    }

    /**
     * Writes the classified new and changed rows in pages of {@value StagedImport#BATCH}, in the caller's transaction.
     * A supplier saved by someone else since the check, or a 法人番号 or code taken meanwhile, fails the
     * whole apply (the caller rolls back).
     */
    @Override
    public void write(long runId, IntConsumer progress) {
        int after = 0;
        int done = 0;
        List<ToWrite> page;
        do {
            page = stage.toWrite(runId, after, BATCH);
            List<SupplierForm> creates = new ArrayList<>();
            List<Integer> createdRows = new ArrayList<>();
            List<SupplierService.ImportedChange> changes = new ArrayList<>();
            List<ContactForm> newContacts = new ArrayList<>();
            List<ImportedContact> contactWrites = new ArrayList<>();
            for (ToWrite row : page) {
                Staged staged = row.row();
                if (row.outcome() == RowOutcome.NEW) {
                    creates.add(staged.fromFile().withDefaults());
                    createdRows.add(staged.rowNo());
                    newContacts.add(contact(staged, null, null).orElse(null));
                } else {
                    Stored current = row.current();
                    if (current == null) {
                        throw new jp.hoshimi.shared.ConcurrentEditException(SupplierService.AUDIT_TYPE, 0L);
                    }
                    SupplierForm merged = merge(staged.fromFile(), staged.corporateNumber(), current.form());
                    if (!changes(current.form(), merged).isEmpty()) {
                        changes.add(new SupplierService.ImportedChange(
                                current.id(), row.classifiedVersion(), current.form(), merged));
                    }
                    PrimaryContact primary = current.primary();
                    contact(staged, primary, current.form().contactName())
                            .filter(c -> primary == null || !c.equals(form(primary)))
                            .ifPresent(c -> contactWrites.add(new ImportedContact(
                                    current.id(),
                                    primary == null ? null : primary.id(),
                                    primary == null ? null : primary.version(),
                                    primary == null ? null : form(primary),
                                    c)));
                }
                after = staged.rowNo();
            }
            List<Long> ids = suppliers.importAll(creates, changes);
            for (int i = 0; i < ids.size(); i++) {
                if (newContacts.get(i) != null) {
                    contactWrites.add(new ImportedContact(ids.get(i), null, null, null, newContacts.get(i)));
                }
            }
            contacts.importPrimaryContacts(contactWrites);
            stage.recordCreated(runId, createdRows, ids);
            done += page.size();
            progress.accept(done);
        } while (page.size() == BATCH);
        stage.copyCreatedIdsToRowResults(runId);
    }

    private static Decided<Classified> decide(Candidate c) {
        Staged row = c.row();
        SupplierForm fromFile = row.fromFile();
        if (!row.keyProblems().isEmpty()) {
            return error(row, row.keyProblems(), fromFile);
        }
        if (c.firstRowOfKey() != null && c.firstRowOfKey() < row.rowNo()) {
            ImportRowResult repeated = c.sameValuesAsFirst()
                    ? new ImportRowResult(
                            row.rowNo(),
                            RowOutcome.UNCHANGED,
                            row.rowKey(),
                            null,
                            List.of(),
                            List.of(FieldProblem.of("", "import.row.sameAsRow", c.firstRowOfKey())))
                    : ImportRowResult.error(
                            row.rowNo(),
                            row.rowKey(),
                            List.of(FieldProblem.of(
                                    "", "import.row.conflictsWithRow", c.firstRowOfKey(), row.rowKey())));
            return decided(repeated, fromFile.withDefaults(), null, null);
        }
        Stored match = c.byCorporateNumber() != null
                ? c.byCorporateNumber()
                : c.byCode() != null && c.byCode().form().corporateNumber() == null ? c.byCode() : null;
        List<FieldProblem> problems = new ArrayList<>();
        if (match == null && fromFile.name() == null) {
            problems.add(FieldProblem.of("name", "validation.required"));
        }
        problems.addAll(row.valueProblems());
        if (!problems.isEmpty()) {
            return error(row, problems, fromFile);
        }
        String code = fromFile.supplierCode();
        if (code != null && c.byCode() != null && (match == null || c.byCode().id() != match.id())) {
            return error(row, duplicateCode(code, c.byCode().form().name()), fromFile);
        }
        if (code != null
                && c.firstRowOfCode() != null
                && c.firstRowOfCode() < row.rowNo()
                && c.firstRowOfCodeHasOtherKey()) {
            // an earlier row of the file takes this code for another supplier
            return error(row, duplicateCode(code, c.firstRowOfCodeName()), fromFile);
        }
        PrimaryContact primary = match == null ? null : match.primary();
        Optional<ContactForm> contact =
                contact(row, primary, match == null ? null : match.form().contactName());
        if (contact.isEmpty() && (row.contactDepartment() != null || row.contactPhone() != null)) {
            return error(row, List.of(FieldProblem.of("contactName", "import.contact.nameRequired")), fromFile);
        }
        if (match == null) {
            return decided(
                    new ImportRowResult(row.rowNo(), RowOutcome.NEW, row.rowKey(), null, List.of(), List.of()),
                    fromFile.withDefaults(),
                    null,
                    null);
        }
        SupplierForm merged = merge(fromFile, row.corporateNumber(), match.form());
        List<FieldChange> changes = changes(match.form(), merged);
        contact.ifPresent(wanted -> contactChanges(changes, primary, wanted));
        RowOutcome outcome = changes.isEmpty() ? RowOutcome.UNCHANGED : RowOutcome.CHANGED;
        return decided(
                new ImportRowResult(row.rowNo(), outcome, row.rowKey(), match.id(), changes, List.of()),
                merged,
                match.id(),
                match.version());
    }

    private static List<FieldProblem> duplicateCode(String code, String otherName) {
        return List.of(FieldProblem.of("supplierCode", "supplier.duplicate.supplierCode", code, otherName));
    }

    private static Decided<Classified> error(Staged row, List<FieldProblem> problems, SupplierForm shown) {
        return decided(ImportRowResult.error(row.rowNo(), row.rowKey(), problems), shown, null, null);
    }

    private static Decided<Classified> decided(ImportRowResult result, SupplierForm shown, Long id, Integer version) {
        return new Decided<>(
                result.withKeyFields(keyFields(shown)),
                new Classified(result.rowNumber(), result.outcome(), id, version));
    }

    /** A mapped, non-blank cell replaces the stored value; the result is normalised as the service stores it. */
    static SupplierForm merge(SupplierForm fromFile, String corporateNumber, SupplierForm before) {
        return new SupplierForm(
                        RowImporter.pick(corporateNumber, before.corporateNumber()),
                        RowImporter.pick(fromFile.supplierCode(), before.supplierCode()),
                        RowImporter.pick(fromFile.name(), before.name()),
                        RowImporter.pick(fromFile.nameKana(), before.nameKana()),
                        RowImporter.pick(fromFile.country(), before.country()),
                        RowImporter.pick(fromFile.address(), before.address()),
                        RowImporter.pick(fromFile.contactName(), before.contactName()),
                        RowImporter.pick(fromFile.contactEmail(), before.contactEmail()),
                        RowImporter.pick(fromFile.notes(), before.notes()))
                .withDefaults();
    }

    /**
     * The primary contact the row leaves the supplier with, when the row has contact cells: a blank cell keeps
     * the stored value; the name comes from the file, else the primary contact, else the supplier's own
     * contact name. Empty when the row has no contact cells, or none but an e-mail and no name to go with it
     * (the supplier's own contact e-mail is still written, as before); a department or phone without any
     * name is the caller's error.
     */
    static Optional<ContactForm> contact(Staged row, PrimaryContact primary, String supplierContactName) {
        SupplierForm f = row.fromFile();
        if (f.contactName() == null
                && f.contactEmail() == null
                && row.contactDepartment() == null
                && row.contactPhone() == null) {
            return Optional.empty();
        }
        String name = RowImporter.pick(f.contactName(), primary == null ? supplierContactName : primary.name());
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(new ContactForm(
                name,
                RowImporter.pick(row.contactDepartment(), primary == null ? null : primary.department()),
                RowImporter.pick(f.contactEmail(), primary == null ? null : primary.email()),
                RowImporter.pick(row.contactPhone(), primary == null ? null : primary.phone()),
                true));
    }

    private static ContactForm form(PrimaryContact primary) {
        return new ContactForm(primary.name(), primary.department(), primary.email(), primary.phone(), true);
    }

    /** The contact's changes as the preview lists them (name and e-mail once, also when the supplier's change). */
    private static void contactChanges(List<FieldChange> changes, PrimaryContact primary, ContactForm after) {
        List<FieldChange> contact = RowImporter.newList();
        RowImporter.diff(
                contact, ImportField.SUPPLIER_CONTACT_NAME, primary == null ? null : primary.name(), after.name());
        RowImporter.diff(
                contact,
                ImportField.SUPPLIER_CONTACT_DEPARTMENT,
                primary == null ? null : primary.department(),
                after.department());
        RowImporter.diff(
                contact, ImportField.SUPPLIER_CONTACT_EMAIL, primary == null ? null : primary.email(), after.email());
        RowImporter.diff(
                contact, ImportField.SUPPLIER_CONTACT_PHONE, primary == null ? null : primary.phone(), after.phone());
        for (FieldChange change : contact) {
            if (changes.stream().noneMatch(c -> c.field().equals(change.field()))) {
                changes.add(change);
            }
        }
    }

    /** Who the row is about: its name, codes and country (null: unknown). */
    private static List<RowField> keyFields(SupplierForm form) {
        return List.of(
                RowField.of(ImportField.SUPPLIER_NAME, form.name()),
                RowField.of(ImportField.SUPPLIER_CODE, form.supplierCode()),
                RowField.of(ImportField.SUPPLIER_CORPORATE_NUMBER, form.corporateNumber()),
                RowField.of(ImportField.SUPPLIER_COUNTRY, form.country()));
    }

    private static List<FieldChange> changes(SupplierForm before, SupplierForm after) {
        List<FieldChange> changes = RowImporter.newList();
        RowImporter.diff(
                changes, ImportField.SUPPLIER_CORPORATE_NUMBER, before.corporateNumber(), after.corporateNumber());
        RowImporter.diff(changes, ImportField.SUPPLIER_CODE, before.supplierCode(), after.supplierCode());
        RowImporter.diff(changes, ImportField.SUPPLIER_NAME, before.name(), after.name());
        RowImporter.diff(changes, ImportField.SUPPLIER_NAME_KANA, before.nameKana(), after.nameKana());
        RowImporter.diff(changes, ImportField.SUPPLIER_COUNTRY, before.country(), after.country());
        RowImporter.diff(changes, ImportField.SUPPLIER_ADDRESS, before.address(), after.address());
        RowImporter.diff(changes, ImportField.SUPPLIER_CONTACT_NAME, before.contactName(), after.contactName());
        RowImporter.diff(changes, ImportField.SUPPLIER_CONTACT_EMAIL, before.contactEmail(), after.contactEmail());
        RowImporter.diff(changes, ImportField.SUPPLIER_NOTES, before.notes(), after.notes());
        return changes;
    }

    private static String values(SupplierForm form) {
        StringBuilder all = new StringBuilder();
        for (String value : new String[] {
            form.corporateNumber(),
            form.supplierCode(),
            form.name(),
            form.nameKana(),
            form.country(),
            form.address(),
            form.contactName(),
            form.contactEmail(),
            form.notes()
        }) {
            all.append(value == null ? "\u0001" : value).append('\u0000');
        }
        return all.toString();
    }
}
