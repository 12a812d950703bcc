package jp.hoshimi.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.compliance.ComplianceEvaluatedEvent;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.outreach.internal.RequestRepository;
import jp.hoshimi.outreach.internal.RequestSweeps;
import jp.hoshimi.outreach.internal.RequestSweeps.Due;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to requests by itself (issue 19): after every compliance evaluation (a register sync, an
 * import, the daily run) open requests whose supplier now holds the level close as done; every day reminders
 * go out before and after the due date, and the owner hears of an overdue request. Each letter and notice is
 * keyed in the outbox, so a second run (or a second node) sends nothing twice.
 */
@Component
public class RequestAutomation {

    /** The close note of a request the register closed (the timeline shows it as a sentence). */
    public static final String REGISTER_NOTE = "register";

    private static final Logger log = LoggerFactory.getLogger(RequestAutomation.class);

    private final RequestSweeps sweeps;
    private final RequestRepository requests;
    private final RequestLetters letters;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final List<Integer> daysBefore;
    private final int daysAfter;

    RequestAutomation(
            RequestSweeps sweeps,
            RequestRepository requests,
            RequestLetters letters,
            AuditTrail audit,
            SystemAuthentication system,
            BusinessDate businessDate,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${hoshimi.requests.remind-days-before:14,3}") String daysBefore,
            @Value("${hoshimi.requests.remind-days-after:7}") int daysAfter) {
        this.sweeps = sweeps;
        this.requests = requests;
        this.letters = letters;
        this.audit = audit;
        this.system = system;
        this.businessDate = businessDate;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.daysBefore = Arrays.stream(daysBefore.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .sorted()
                .toList();
        this.daysAfter = daysAfter;
    }

    @EventListener
    void onComplianceEvaluated(ComplianceEvaluatedEvent event) {
        try {
            closeRegistered();
        } catch (RuntimeException e) {
            log.warn("Requests closed by the register wait for the next evaluation: {}", e.toString());
        }
    }

    /** Closes every open request whose supplier the register now shows at the level asked; answers how many. */
    public int closeRegistered() {
        Integer closed = system.callAsSystem(() -> transaction.execute(status -> {
            int count = 0;
            for (long id : sweeps.registered(businessDate.today())) {
                count += closeOne(id) ? 1 : 0;
            }
            return count;
        }));
        return closed == null ? 0 : closed;
    }

    private boolean closeOne(long id) {
        RequestDetails request =
                requests.find(DataScope.wholeGroup(), id, businessDate.today()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        String note = REGISTER_NOTE;
        if (!requests.move(id, request.state(), RequestState.DONE, null, now, note)) {
            return false;
        }
        requests.insertEvent(id, now, system.currentActor(), "DONE", request.state(), RequestState.DONE, note);
        audit.record(RequestService.AUDIT_TYPE, id, AuditAction.UPDATE, request.state(), RequestState.DONE);
        letters.closed(id);
        letters.notice(request, "DONE", "DONE");
        return true;
    }

    /** The day's reminders and overdue notices; answers how many letters and notices were queued. */
    public int remind() {
        Integer queued = system.callAsSystem(() -> transaction.execute(status -> {
            LocalDate today = businessDate.today();
            int maxBefore = daysBefore.isEmpty() ? 0 : daysBefore.get(daysBefore.size() - 1);
            int count = 0;
            for (Due due : sweeps.dueSoonOrPast(today, maxBefore)) {
                count += remindOne(due, BusinessDate.daysBetween(today, due.dueDate()));
            }
            return count;
        }));
        if (queued != null && queued > 0) {
            letters.dispatchSoon();
        }
        return queued == null ? 0 : queued;
    }

    private int remindOne(Due due, long daysLeft) {
        RequestDetails request = requests.find(DataScope.wholeGroup(), due.id(), businessDate.today())
                .orElseThrow();
        String occasion = occasion(daysLeft);
        if (occasion == null || due.state() != RequestState.SENT || request.contactEmail() == null) {
            return overdueNotice(request);
        }
        if (!letters.send(request, true, "REMIND:" + occasion)) {
            return overdueNotice(request);
        }
        requests.insertEvent(
                request.id(),
                LocalDateTime.now(clock),
                system.currentActor(),
                "REMINDED",
                request.state(),
                request.state(),
                occasion);
        return 1 + overdueNotice(request);
    }

    /** B3 for "3 days before" (the nearest threshold reached), A7 for "7 days after"; null when none. */
    String occasion(long daysLeft) {
        if (daysLeft <= -daysAfter) {
            return "A" + daysAfter;
        }
        if (daysLeft < 0) {
            return null;
        }
        return daysBefore.stream()
                .filter(d -> daysLeft <= d)
                .findFirst()
                .map(d -> "B" + d)
                .orElse(null);
    }

    private int overdueNotice(RequestDetails request) {
        if (!request.overdue()) {
            return 0;
        }
        String key = request.state() == RequestState.ANSWERED ? "OVERDUE:PLAN:" + request.plannedDate() : "OVERDUE:DUE";
        letters.notice(request, key, "OVERDUE");
        return 1;
    }
}
