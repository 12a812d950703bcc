package jp.hoshimi.outreach;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.outreach.internal.TemplateRepository;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter templates per gap type and language, as risk managers edit them (issue 19): each save checks the
 * placeholders (an unknown one is refused, naming it), is audited, and a stale save is refused; "reset"
 * returns to the default text. The preview fills a template in with sample values, as the supplier reads it.
 */
@Service
@RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class RequestTemplateService {

    public static final String AUDIT_TYPE = "request_template";
    /** Room left in a request's message (4,000) for the supplier's name and a long contract list. */
    public static final int MAX_BODY = 3000;

    private final TemplateRepository stored;
    private final RequestTemplates templates;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final BusinessDate businessDate;
    private final Clock clock;

    RequestTemplateService(
            TemplateRepository stored,
            RequestTemplates templates,
            AuditTrail audit,
            SystemAuthentication system,
            BusinessDate businessDate,
            Clock clock) {
        this.stored = stored;
        this.templates = templates;
        this.audit = audit;
        this.system = system;
        this.businessDate = businessDate;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TemplateText template(GapType gap, String language) {
        return templates.template(gap, checked(language, gap));
    }

    /** Saves the text (trimmed) at {@code version} (-1 when the default is in use); answers the saved template. */
    @Transactional
    public TemplateText save(GapType gap, String language, String body, int version) {
        String lang = checked(language, gap);
        String text = validate(body);
        TemplateText before = templates.template(gap, lang);
        if (!stored.save(gap, lang, text, version, LocalDateTime.now(clock), system.currentActor())) {
            throw new ConcurrentEditException(AUDIT_TYPE, gap.name() + ":" + lang);
        }
        audit.record(
                AUDIT_TYPE,
                gap.name() + ":" + lang,
                before.customised() ? AuditAction.UPDATE : AuditAction.CREATE,
                Map.of("body", before.body()),
                Map.of("body", text));
        return templates.template(gap, lang);
    }

    /** Back to the default text; answers it. Resetting a template that is already the default changes nothing. */
    @Transactional
    public TemplateText reset(GapType gap, String language) {
        String lang = checked(language, gap);
        TemplateText before = templates.template(gap, lang);
        if (stored.delete(gap, lang)) {
            audit.record(AUDIT_TYPE, gap.name() + ":" + lang, AuditAction.DELETE, Map.of("body", before.body()), null);
        }
        return templates.template(gap, lang);
    }

    /**
     * The letter as a supplier would read it with this text: subject and the whole mail, filled in with a
     * sample supplier and contracts and the current user as sender. Refused like a save for a bad text.
     */
    @Transactional(readOnly = true)
    public Letter preview(GapType gap, String language, String body, String sender) {
        String lang = checked(language, gap);
        String text = validate(body);
        boolean en = "en".equals(lang);
        String supplier = en ? "Sample Parts Co., Ltd." : "株式会社サンプル部品";
        StarLevel level = gap == GapType.LEVEL_TOO_LOW ? StarLevel.STAR4 : StarLevel.STAR3;
        var due = businessDate.today().plusDays(60);
        String contracts = en
                ? "・C-2026-001 Machined parts supply\n・C-2026-014 Maintenance of line 3"
                : "・C-2026-001 機械加工部品の供給\n・C-2026-014 第3ラインの保守";
        String message = RequestTemplates.render(
                text, supplier, level.label(), RequestTemplates.date(due, lang), contracts, sender);
        return new Letter(
                templates.subject(lang, supplier, level, false),
                templates.letter(lang, message, due, false).replace(RequestTemplates.LINK, "https://…/reply/…"));
    }

    private static String checked(String language, GapType gap) {
        if (gap == null || !("ja".equals(language) || "en".equals(language))) {
            throw new ValidationException(FieldProblem.of("language", "validation.required"));
        }
        return language;
    }

    private static String validate(String body) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = ContactService.trim(body);
        if (text == null) {
            problems.add(FieldProblem.of("body", "validation.required"));
        } else {
            ContactService.tooLong(problems, "body", text, MAX_BODY);
            List<String> unknown = RequestTemplates.unknownPlaceholders(text);
            if (!unknown.isEmpty()) {
                problems.add(FieldProblem.of(
                        "body",
                        "request.template.unknownPlaceholder",
                        String.join(", ", unknown),
                        String.join(
                                ", ",
                                RequestTemplates.PLACEHOLDERS.stream()
                                        .map(p -> "{" + p + "}")
                                        .toList())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return text;
    }
}
