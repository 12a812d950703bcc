package jp.hoshimi.subcontracting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.ContractEvaluation;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.compliance.ui.ComplianceTexts;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.export.TableWriter;
import jp.hoshimi.shared.ui.ExportLinks;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierService;

/**
 * A contract's sub-contractor chain as a tree: the contract's supplier at the top (tier 1), then who it
 * passes work to, to any depth, with what flows to each and the level each must hold.
 */
public class ChainTree extends Composite<VerticalLayout> {

    /** One row: the contract's supplier (no link) or a sub-contractor with the link that brings it in. */
    public record Node(long supplierId, String name, String corporateNumber, int tier, ChainLink link) {}

    final TreeGrid<Node> tree = new TreeGrid<>();
    final Button addFirstTier = new Button();
    /** Shows only the sub-contractors whose chart still has an unanswered question (and their parents). */
    final Checkbox onlyUnanswered = new Checkbox();
    /** CSV / Excel of the whole chain with its three answers, level and status (issue 22). */
    final ExportLinks export;

    private final SubcontractingService chains;
    private final SupplierService suppliers;
    private final ContractDetails contract;
    private final boolean editable;
    private final ComplianceService compliance;
    private Map<Long, Finding> findings = Map.of();
    private boolean stale;

    public ChainTree(
            SubcontractingService chains,
            SupplierService suppliers,
            ComplianceService compliance,
            ContractDetails contract,
            boolean editable,
            Clock clock) {
        this.chains = chains;
        this.compliance = compliance;
        this.suppliers = suppliers;
        this.contract = contract;
        this.editable = editable;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("chain-tree");

        Paragraph intro = new Paragraph(getTranslation("chain.intro"));
        intro.addClassName("tab-note");
        addFirstTier.setText(getTranslation("chain.addUnder", contract.supplierName()));
        addFirstTier.setIcon(VaadinIcon.PLUS.create());
        addFirstTier.setVisible(editable);
        addFirstTier.setId("chain-add-first");
        addFirstTier.addClickListener(click -> openAdd(contract.supplierId(), contract.supplierName()));

        tree.setId("chain-tree");
        // a long name wraps under its tier's indent rather than being cut: the theme lets the toggle wrap
        tree.setAllRowsVisible(true);
        tree.addComponentHierarchyColumn(this::nameCell)
                .setHeader(getTranslation("contract.field.supplier"))
                .setWidth("16em")
                .setFlexGrow(3)
                .setTooltipGenerator(Node::name)
                .setResizable(true);
        Grid.Column<Node> corporateNumber = tree.addColumn(
                        node -> node.corporateNumber() == null ? "—" : node.corporateNumber())
                .setHeader(getTranslation("supplier.field.corporateNumber"))
                .setAutoWidth(true);
        Grid.Column<Node> tier = tree.addColumn(node -> getTranslation("chain.tier", node.tier()))
                .setHeader(getTranslation("chain.column.tier"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Node> flows = tree.addColumn(new ComponentRenderer<>(this::flowsCell))
                .setKey("flows")
                .setHeader(getTranslation("chain.column.flows"))
                .setWidth("9em")
                .setFlexGrow(1)
                .setTooltipGenerator(this::flows);
        Grid.Column<Node> level = tree.addColumn(new ComponentRenderer<>(this::levelCell))
                .setKey("level")
                .setHeader(getTranslation("contract.field.requiredLevel"))
                .setWidth("12em")
                .setFlexGrow(1);
        tree.addColumn(new ComponentRenderer<>(this::statusCell))
                .setHeader(getTranslation("compliance.column.status"))
                .setWidth("12em")
                .setFlexGrow(1);
        if (editable) {
            tree.addColumn(new ComponentRenderer<>(this::actions))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        // a phone keeps the name (indented by tier), the status and the actions
        ScreenWidth.switchColumns(tree, List.of(), List.of(corporateNumber, tier, flows, level));
        onlyUnanswered.setLabel(getTranslation("chain.filter.unanswered"));
        onlyUnanswered.setId("chain-only-unanswered");
        onlyUnanswered.addValueChangeListener(change -> applyFilter());
        Locale locale = getLocale();
        export = new ExportLinks(
                "chain", "chain-" + contract.contractNumber(), clock, (format, out) -> export(format, out, locale));
        HorizontalLayout toolbar = new HorizontalLayout(addFirstTier, onlyUnanswered, export);
        toolbar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        toolbar.getStyle().set("flex-wrap", "wrap");
        layout.add(intro, toolbar, tree);
        refresh();
    }

    /** The chain as the service reads it now, in the user's language (runs in the download's own request). */
    void export(ExportFormat format, OutputStream out, Locale locale) {
        try (TableWriter table = TableWriter.open(format, out, getTranslation(locale, "chain.export.sheet"))) {
            table.row(
                    getTranslation(locale, "chain.column.tier"),
                    getTranslation(locale, "chain.export.parent"),
                    getTranslation(locale, "chain.export.supplier"),
                    getTranslation(locale, "supplier.field.corporateNumber"),
                    getTranslation(locale, "contract.chart.q1"),
                    getTranslation(locale, "contract.chart.q2"),
                    getTranslation(locale, "contract.chart.q3"),
                    getTranslation(locale, "contract.field.requiredLevel"),
                    getTranslation(locale, "chain.export.levelSource"),
                    getTranslation(locale, "compliance.column.status"));
            chains.exportChain(
                    contract.id(),
                    row -> table.row(
                            row.tier(),
                            row.parentName(),
                            row.supplierName(),
                            row.corporateNumber(),
                            answer(locale, row.answers().confidentialDataFlows()),
                            answer(locale, row.answers().businessCritical()),
                            answer(locale, row.answers().systemAccess()),
                            getTranslation(locale, row.requiredLevel().messageKey()),
                            getTranslation(locale, row.levelExplicit() ? "chain.level.explicit" : "chain.level.policy"),
                            row.status() == null
                                    ? ""
                                    : getTranslation(locale, row.status().messageKey())));
        }
    }

    private String answer(Locale locale, Boolean answer) {
        return getTranslation(locale, ChartAnswer.of(answer).messageKey());
    }

    private Component nameCell(Node node) {
        Span name = new Span(node.name());
        name.addClassName("chain-name");
        return name;
    }

    private String flows(Node node) {
        return node.link() == null
                ? getTranslation("chain.firstTier")
                : LinkTexts.flowsWithGaps(this, node.link().answers());
    }

    private Component flowsCell(Node node) {
        if (node.link() == null) {
            return new Span(getTranslation("chain.firstTier"));
        }
        Div cell = new Div(new Span(LinkTexts.flows(this, node.link().answers())));
        cell.addClassName("chain-flows");
        // a data-quality hint per question never answered for this link, which is not a "no"
        for (String text : LinkTexts.unanswered(this, node.link().answers())) {
            Span hint = new Span(text);
            hint.getElement().getThemeList().add("badge warning small");
            hint.addClassName("chain-unanswered");
            cell.add(new Span(" "), hint);
        }
        return cell;
    }

    private Component levelCell(Node node) {
        RequiredLevel level =
                node.link() == null ? contract.requiredLevel() : node.link().requiredLevel();
        Span badge = new Span(getTranslation(level.messageKey()));
        badge.getElement().getThemeList().add(level.compareTo(RequiredLevel.STAR4) >= 0 ? "badge" : "badge contrast");
        Span source = new Span(getTranslation(
                node.link() == null
                        ? "chain.level.contract"
                        : node.link().levelIsExplicit() ? "chain.level.explicit" : "chain.level.policy"));
        source.addClassName("level-source");
        HorizontalLayout cell = new HorizontalLayout(badge, source);
        cell.setSpacing(true);
        cell.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        String raisedBy = node.link() == null
                ? null
                : LinkTexts.raisedBy(this, node.link().raisedBy(), level);
        if (raisedBy == null) {
            return cell;
        }
        Span reason = new Span(raisedBy);
        reason.addClassName("chain-level-reason");
        return new Div(cell, reason);
    }

    /** The compliance finding shown for a supplier of this chain, null before its first evaluation. */
    Finding findingOf(long supplierId) {
        return findings.get(supplierId);
    }

    private Component statusCell(Node node) {
        Finding finding = findings.get(node.supplierId());
        if (finding == null) {
            return ComplianceBadge.none();
        }
        Div cell = new Div(new ComplianceBadge(finding.status(), stale));
        Span reason = new Span(ComplianceTexts.reason(this, finding.verdict()));
        reason.addClassName("chain-reason");
        cell.add(reason);
        cell.addClassName("chain-status");
        return cell;
    }

    private Component actions(Node node) {
        Button add = new Button(VaadinIcon.PLUS.create(), click -> openAdd(node.supplierId(), node.name()));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        add.setTooltipText(getTranslation("chain.addUnder", node.name()));
        add.setAriaLabel(getTranslation("chain.addUnder", node.name()));
        HorizontalLayout buttons = new HorizontalLayout(add);
        if (node.link() != null) {
            Button edit = new Button(VaadinIcon.EDIT.create(), click -> openEdit(node));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            edit.setTooltipText(getTranslation("action.edit"));
            edit.setAriaLabel(getTranslation("action.edit"));
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> confirmRemove(node));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setTooltipText(getTranslation("chain.remove"));
            remove.setAriaLabel(getTranslation("chain.remove"));
            buttons.add(edit, remove);
        }
        return buttons;
    }

    private void openAdd(long parentSupplierId, String parentName) {
        new LinkDialog(chains, suppliers, contract, parentSupplierId, parentName, null, this::refresh).open();
    }

    private void openEdit(Node node) {
        new LinkDialog(chains, suppliers, contract, node.link().parentSupplierId(), null, node.link(), this::refresh)
                .open();
    }

    private void confirmRemove(Node node) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("chain.remove"));
        confirm.setText(getTranslation("chain.remove.text", node.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("chain.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> remove(node));
        confirm.open();
    }

    void remove(Node node) {
        try {
            chains.removeLink(contract.id(), node.link().id(), node.link().version());
            Notifications.success(getTranslation("chain.removed", node.name()));
        } catch (ValidationException e) {
            Notifications.error(Problems.describe(this, e));
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
        }
        refresh();
    }

    /** Rebuilds the tree from the stored chain. */
    void refresh() {
        List<ChainLink> links = chains.chain(contract.id());
        ContractEvaluation evaluation = compliance.contractEvaluation(contract.id());
        stale = evaluation.stale();
        findings = new HashMap<>();
        evaluation.links().forEach(f -> findings.put(f.supplierId(), f));
        TreeData<Node> data = new TreeData<>();
        Node root =
                new Node(contract.supplierId(), contract.supplierName(), contract.supplierCorporateNumber(), 1, null);
        data.addItem(null, root);
        Map<Long, Node> nodeOfSupplier = new HashMap<>();
        nodeOfSupplier.put(root.supplierId(), root);
        List<ChainLink> pending = new ArrayList<>(links);
        // parents first: links can be stored in any order
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                ChainLink link = it.next();
                Node parent = nodeOfSupplier.get(link.parentSupplierId());
                if (parent != null) {
                    Node child = new Node(
                            link.childSupplierId(),
                            link.childName(),
                            link.childCorporateNumber(),
                            parent.tier() + 1,
                            link);
                    data.addItem(parent, child);
                    nodeOfSupplier.putIfAbsent(link.childSupplierId(), child);
                    it.remove();
                    progress = true;
                }
            }
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        applyFilter();
    }

    private void applyFilter() {
        TreeDataProvider<Node> provider = (TreeDataProvider<Node>) tree.getDataProvider();
        // an in-memory tree keeps the parents of a matching row, so the row stays in its place
        provider.setFilter(
                onlyUnanswered.getValue()
                        ? node -> node.link() != null && node.link().answers().incomplete()
                        : null);
        tree.expandRecursively(provider.getTreeData().getRootItems(), Integer.MAX_VALUE);
    }
}
