package jp.hoshimi.dataimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import jp.hoshimi.dataimport.internal.LinkStageRepository;
import jp.hoshimi.dataimport.internal.LinkStageRepository.Candidate;
import jp.hoshimi.dataimport.internal.LinkStageRepository.ChainEdge;
import jp.hoshimi.dataimport.internal.LinkStageRepository.Classified;
import jp.hoshimi.dataimport.internal.LinkStageRepository.Staged;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.subcontracting.ChainRules;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sub-contractor link import, set-based (decision 0035), with the rules of the per-row path it replaces
 * (decision 0006, the former LinkRowImporter): upsert by contract + parent + child; a blank parent is the
 * contract's own supplier (a first-tier sub-contractor); rows count in file order, so a row may hang a
 * sub-contractor under one added by an earlier row; a new link must pass the editor's tree rules
 * ({@link ChainRules}: no self-link, parent in the chain, no cycle); blank cells keep the stored value and a
 * blank business-critical answer stays "not answered"; a repeated link with the same cells is unchanged, with
 * other cells an error.
 */
@Component
class LinkStaging extends StagedImport<Staged, Classified> {

    /** What the preview shows of a row besides its outcome. */
    private static final List<ImportField> KEY_FIELDS = List.of(
            ImportField.LINK_CONTRACT_NUMBER,
            ImportField.LINK_PARENT,
            ImportField.LINK_CHILD,
            ImportField.LINK_REQUIRED_LEVEL);

    private final LinkStageRepository stage;
    private final SubcontractingService chains;
    private final OrgUnitService orgUnits;

    LinkStaging(
            LinkStageRepository stage,
            SubcontractingService chains,
            OrgUnitService orgUnits,
            PlatformTransactionManager transactions) {
        super(stage, transactions);
        this.stage = stage;
        this.chains = chains;
        this.orgUnits = orgUnits;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SUBCONTRACTING;
    }

    @Override
    String scopeStamp() {
        return StagedImport.stampOf(orgUnits.currentScope());
    }

    @Override
    Function<RowValues, Staged> rowReader() {
        return LinkStaging::staged;
    }

    /** One row's cells read in the per-row path's order (so its problems come in that order), its values hashed. */
    private static Staged staged(RowValues row) {
        String number = row.text(ImportField.LINK_CONTRACT_NUMBER);
        String parentRef = row.text(ImportField.LINK_PARENT);
        String childRef = row.text(ImportField.LINK_CHILD);
        Boolean confidential = row.yesNo(ImportField.LINK_CONFIDENTIAL_DATA);
        Boolean systemAccess = row.yesNo(ImportField.LINK_SYSTEM_ACCESS);
        Boolean businessCritical = row.yesNo(ImportField.LINK_BUSINESS_CRITICAL);
        RequiredLevel level = row.level(ImportField.LINK_REQUIRED_LEVEL);
        String note = row.text(ImportField.LINK_NOTE);
        String parent = parentRef == null ? null : parentRef.strip();
        String child = childRef == null ? null : childRef.strip();
        return new Staged(
                row.rowNumber(),
                number,
                Staging.hash(Arrays.asList(confidential, systemAccess, businessCritical, level, note)),
                parentRef,
                corporateNumber(parent),
                corporateNumber(parent) == null ? parent : null,
                childRef,
                corporateNumber(child),
                corporateNumber(child) == null ? child : null,
                confidential,
                systemAccess,
                businessCritical,
                level,
                row.text(ImportField.LINK_REQUIRED_LEVEL),
                note,
                List.copyOf(row.problems()));
    }

    /** The 法人番号 a supplier cell names, if it is a valid one (else the cell is a supplier code). */
    private static String corporateNumber(String reference) {
        return reference != null && CorporateNumber.isValid(reference)
                ? CorporateNumber.parse(reference).value()
                : null;
    }

    /**
     * One plain SELECT hands over, contract by contract, the contract's stored links and then the file's rows
     * that name it; the tree rules of one contract are held while its rows are decided (memory: one chain).
     */
    @Override
    void decideAll(long runId, Consumer<Decided<Classified>> sink) {
        Chains current = new Chains();
        stage.classify(
                runId,
                orgUnits.currentScope(),
                current::add,
                candidate -> sink.accept(new Decider(candidate, current).decide()));
    }

    @Override
    public void write(long runId, IntConsumer progress) {
        writeInPages(progress, after -> stage.toWrite(runId, after, BATCH), Classified::rowNo, page -> {
            List<SubcontractingService.ImportedLink> creates = new ArrayList<>();
            List<Classified> createdRows = new ArrayList<>();
            List<SubcontractingService.ImportedLinkChange> changes = new ArrayList<>();
            for (Classified row : page) {
                if (row.outcome() == RowOutcome.NEW) {
                    creates.add(new SubcontractingService.ImportedLink(row.contractId(), row.form()));
                    createdRows.add(row);
                } else {
                    changes.add(new SubcontractingService.ImportedLinkChange(
                            row.contractId(), row.linkId(), row.linkVersion(), row.before(), row.form()));
                }
            }
            List<Long> ids = chains.importAll(creates, changes);
            stage.recordCreated(runId, createdRows, ids);
        });
        stage.copyCreatedIdsToRowResults(runId);
    }

    /** The tree rules of the contract whose rows are being decided, with the links its earlier rows added. */
    private static final class Chains {
        private Long contractId;
        private ChainRules rules;

        void add(ChainEdge link) {
            of(link.contractId(), link.contractSupplierId()).add(link.parentSupplierId(), link.childSupplierId());
        }

        ChainRules of(long contract, long contractSupplierId) {
            if (!Objects.equals(contractId, contract)) {
                contractId = contract;
                rules = new ChainRules(contractSupplierId);
            }
            return rules;
        }
    }

    /** Decides one candidate row as the former LinkRowImporter decided it, from the facts the SELECT found. */
    private static final class Decider {
        private final Candidate c;
        private final Staged row;
        private final Chains chains;
        private final String key;
        private final Map<ImportField, Object> shown = new EnumMap<>(ImportField.class);

        Decider(Candidate c, Chains chains) {
            this.c = c;
            this.row = c.row();
            this.chains = chains;
            this.key = String.join(
                    " / ",
                    Objects.toString(row.contractNumber(), "?"),
                    Objects.toString(row.parentRef(), "—"),
                    Objects.toString(row.childRef(), "?"));
            shown.put(ImportField.LINK_CONTRACT_NUMBER, row.contractNumber());
            shown.put(ImportField.LINK_PARENT, row.parentRef());
            shown.put(ImportField.LINK_CHILD, row.childRef());
            shown.put(ImportField.LINK_REQUIRED_LEVEL, row.levelText());
        }

        Decided<Classified> decide() {
            List<FieldProblem> problems = referenceProblems();
            if (!problems.isEmpty()) {
                return done(ImportRowResult.error(row.rowNo(), key, problems), null);
            }
            if (c.firstRowOfLink() != null && c.firstRowOfLink() < row.rowNo()) {
                return done(repeated(), null);
            }
            long parent = parentId();
            long child = c.child().id();
            LinkForm fromFile = new LinkForm(
                    parent,
                    child,
                    row.confidentialDataFlows(),
                    row.systemAccess(),
                    row.businessCritical(),
                    row.requiredLevel(),
                    row.note());
            if (c.existing() == null) {
                ChainRules rules = chains.of(c.contract().id(), c.contract().supplierId());
                Optional<FieldProblem> broken =
                        rules.problemOfNewLink(parent, child, c.child().name());
                if (broken.isPresent()) {
                    return done(ImportRowResult.error(row.rowNo(), key, List.of(broken.get())), null);
                }
                rules.add(parent, child);
                return done(ok(RowOutcome.NEW, null, List.of()), fromFile);
            }
            LinkForm stored = c.existing().form();
            LinkForm before = new LinkForm(
                    parent,
                    child,
                    stored.confidentialDataFlows(),
                    stored.systemAccess(),
                    stored.businessCritical(),
                    stored.requiredLevelOverride(),
                    stored.note());
            LinkForm after = new LinkForm(
                    parent,
                    child,
                    RowImporter.pick(fromFile.confidentialDataFlows(), before.confidentialDataFlows()),
                    RowImporter.pick(fromFile.systemAccess(), before.systemAccess()),
                    RowImporter.pick(fromFile.businessCritical(), before.businessCritical()),
                    RowImporter.pick(fromFile.requiredLevelOverride(), before.requiredLevelOverride()),
                    RowImporter.pick(fromFile.note(), before.note()));
            List<FieldChange> changes = changes(before, after);
            if (changes.isEmpty()) {
                return done(ok(RowOutcome.UNCHANGED, c.existing().id(), List.of()), null);
            }
            return new Decided<>(
                    withShown(ok(RowOutcome.CHANGED, c.existing().id(), changes)),
                    new Classified(
                            row.rowNo(),
                            RowOutcome.CHANGED,
                            c.contract().id(),
                            c.existing().id(),
                            c.existing().version(),
                            after,
                            before));
        }

        /** The parent the row names, or the contract's own supplier when its parent cell is blank. */
        private long parentId() {
            return row.parentRef() == null
                    ? c.contract().supplierId()
                    : c.parent().id();
        }

        /** The cells' own problems, then a blank contract or child, then a contract or supplier not found. */
        private List<FieldProblem> referenceProblems() {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            if (row.contractNumber() == null) {
                problems.add(FieldProblem.of("contractNumber", "validation.required"));
            }
            if (row.childRef() == null) {
                problems.add(FieldProblem.of("childSupplierId", "validation.required"));
            }
            if (row.contractNumber() != null && c.contract() == null) {
                problems.add(FieldProblem.of("contractNumber", "import.value.contractUnknown", row.contractNumber()));
            }
            if (row.parentRef() == null) {
                if (c.contract() != null) {
                    shown.put(ImportField.LINK_PARENT, c.contract().supplierName());
                }
            } else if (c.parent() != null) {
                shown.put(ImportField.LINK_PARENT, c.parent().name());
            } else {
                problems.add(FieldProblem.of("parentSupplierId", "import.value.supplierUnknown", row.parentRef()));
            }
            if (c.child() != null) {
                shown.put(ImportField.LINK_CHILD, c.child().name());
            } else if (row.childRef() != null) {
                problems.add(FieldProblem.of("childSupplierId", "import.value.supplierUnknown", row.childRef()));
            }
            return problems;
        }

        private ImportRowResult repeated() {
            return RowImporter.repeatedRow(row.rowNo(), key, c.firstRowOfLink(), c.sameValuesAsFirst());
        }

        private static List<FieldChange> changes(LinkForm before, LinkForm after) {
            List<FieldChange> changes = RowImporter.newList();
            RowImporter.diff(
                    changes,
                    ImportField.LINK_CONFIDENTIAL_DATA,
                    before.confidentialDataFlows(),
                    after.confidentialDataFlows());
            RowImporter.diff(changes, ImportField.LINK_SYSTEM_ACCESS, before.systemAccess(), after.systemAccess());
            RowImporter.diff(
                    changes, ImportField.LINK_BUSINESS_CRITICAL, before.businessCritical(), after.businessCritical());
            RowImporter.diff(
                    changes,
                    ImportField.LINK_REQUIRED_LEVEL,
                    before.requiredLevelOverride(),
                    after.requiredLevelOverride());
            RowImporter.diff(changes, ImportField.LINK_NOTE, before.note(), after.note());
            return changes;
        }

        private ImportRowResult ok(RowOutcome outcome, Long id, List<FieldChange> changes) {
            return new ImportRowResult(row.rowNo(), outcome, key, id, changes, List.of());
        }

        private ImportRowResult withShown(ImportRowResult result) {
            return result.withKeyFields(shown.entrySet().stream()
                    .map(e -> RowField.of(e.getKey(), e.getValue()))
                    .toList());
        }

        /** A new row keeps the link to create; every other outcome keeps nothing to write. */
        private Decided<Classified> done(ImportRowResult result, LinkForm toCreate) {
            return new Decided<>(
                    withShown(result),
                    new Classified(
                            row.rowNo(),
                            result.outcome(),
                            c.contract() == null ? null : c.contract().id(),
                            null,
                            null,
                            toCreate,
                            null));
        }
    }
}
