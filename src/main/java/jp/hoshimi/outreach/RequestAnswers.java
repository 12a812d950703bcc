package jp.hoshimi.outreach;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.outreach.internal.RequestRepository;
import jp.hoshimi.outreach.internal.RequestSweeps;
import jp.hoshimi.outreach.internal.RequestSweeps.ValidToken;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's side, reached without an account through the answer link (issue 19). Everything hangs on
 * the token: an unknown, expired, revoked or closed one gives nothing at all (empty), so the page cannot tell
 * them apart. Answers are kept, never overwritten; they are rate-limited per link and per client address.
 */
@Service
@PermitAll
public class RequestAnswers {

    /** The longest comment a supplier may write. */
    public static final int MAX_COMMENT = 1000;

    /** The actor of the supplier's answers on the request's timeline. */
    public static final String SUPPLIER_ACTOR = "supplier";

    /** Why an answer was refused without looking at it. */
    public static class TooManyAnswersException extends RuntimeException {
        TooManyAnswersException() {
            super("too many answers");
        }
    }

    private final RequestSweeps sweeps;
    private final RequestRepository requests;
    private final RequestLetters letters;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final BusinessDate businessDate;
    private final Clock clock;
    private final int perTokenPerHour;
    private final int perAddressPerHour;

    RequestAnswers(
            RequestSweeps sweeps,
            RequestRepository requests,
            RequestLetters letters,
            AuditTrail audit,
            SystemAuthentication system,
            BusinessDate businessDate,
            Clock clock,
            @Value("${hoshimi.requests.answers-per-link-per-hour:5}") int perTokenPerHour,
            @Value("${hoshimi.requests.answers-per-address-per-hour:20}") int perAddressPerHour) {
        this.sweeps = sweeps;
        this.requests = requests;
        this.letters = letters;
        this.audit = audit;
        this.system = system;
        this.businessDate = businessDate;
        this.clock = clock;
        this.perTokenPerHour = perTokenPerHour;
        this.perAddressPerHour = perAddressPerHour;
    }

    /** The request behind a working link; empty for every other token. */
    @Transactional(readOnly = true)
    public Optional<AnswerPage> page(String token) {
        return request(token)
                .map(r -> new AnswerPage(
                        r.supplierName(),
                        r.requestedLevel(),
                        r.dueDate(),
                        r.message(),
                        r.language(),
                        r.answers().size()));
    }

    /**
     * Keeps the supplier's answer. False when the link does not work (the caller shows the neutral page);
     * {@link ValidationException} for a bad answer, {@link TooManyAnswersException} past the rate limit.
     */
    @Transactional
    public boolean answer(String token, AnswerForm form, String clientAddress) {
        return submit(token, form, clientAddress).isPresent();
    }

    /**
     * As {@link #answer}, answering the answer as it was kept (trimmed, the 法人番号 in its 13-digit form) for
     * the page's read-only summary; empty when the link does not work.
     */
    @Transactional
    public Optional<AnswerForm> submit(String token, AnswerForm form, String clientAddress) {
        Optional<ValidToken> valid = validToken(token);
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime hourAgo = now.minus(Duration.ofHours(1));
        if (requests.answersByTokenSince(valid.get().tokenId(), hourAgo) >= perTokenPerHour
                || (clientAddress != null
                        && requests.answersByAddressSince(clientAddress, hourAgo) >= perAddressPerHour)) {
            throw new TooManyAnswersException();
        }
        AnswerForm answer = validate(form);
        RequestDetails request = requests.find(
                        DataScope.wholeGroup(), valid.get().requestId(), businessDate.today())
                .orElseThrow();
        system.runAsSystem(() -> keep(request, valid.get(), answer, clientAddress, now));
        return Optional.of(answer);
    }

    private void keep(RequestDetails request, ValidToken token, AnswerForm answer, String address, LocalDateTime now) {
        requests.insertAnswer(request.id(), token.tokenId(), answer, address, now);
        requests.move(request.id(), request.state(), RequestState.ANSWERED, null, now, null);
        requests.setPlannedDate(request.id(), answer.kind() == AnswerKind.PLANNED ? answer.plannedDate() : null);
        requests.insertEvent(
                request.id(),
                now,
                SUPPLIER_ACTOR,
                "ANSWERED",
                request.state(),
                RequestState.ANSWERED,
                answer.kind().name());
        audit.record(RequestService.AUDIT_TYPE, request.id(), AuditAction.UPDATE, request.state(), answer);
        letters.notice(request, "ANSWER:" + (request.answers().size() + 1), "ANSWERED");
    }

    private Optional<RequestDetails> request(String token) {
        return validToken(token)
                .flatMap(t -> requests.find(DataScope.wholeGroup(), t.requestId(), businessDate.today()));
    }

    private Optional<ValidToken> validToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return sweeps.valid(RequestLetters.hash(token), LocalDateTime.now(clock));
    }

    private AnswerForm validate(AnswerForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        String number = ContactService.trim(form.corporateNumber());
        String comment = ContactService.trim(form.comment());
        String body = ContactService.trim(form.assessmentBody());
        if (form.kind() == null) {
            problems.add(FieldProblem.of("kind", "validation.required"));
        } else if (form.kind() == AnswerKind.PLANNED) {
            if (form.plannedLevel() == null) {
                problems.add(FieldProblem.of("plannedLevel", "validation.required"));
            }
            if (form.plannedDate() == null) {
                problems.add(FieldProblem.of("plannedDate", "validation.required"));
            } else if (form.plannedDate().isBefore(businessDate.today())) {
                problems.add(FieldProblem.of("plannedDate", "reply.plannedDate.past"));
            }
        } else if (form.kind() == AnswerKind.REGISTERED && number == null) {
            problems.add(FieldProblem.of("corporateNumber", "validation.required"));
        } else if (form.kind() == AnswerKind.CANNOT && comment == null) {
            problems.add(FieldProblem.of("comment", "reply.comment.reason"));
        }
        if (number != null) {
            if (CorporateNumber.isValid(number)) {
                number = CorporateNumber.parse(number).value();
            } else {
                problems.add(FieldProblem.of("corporateNumber", "reply.corporateNumber.invalid"));
            }
        }
        ContactService.tooLong(problems, "comment", comment, MAX_COMMENT);
        ContactService.tooLong(problems, "assessmentBody", body, 200);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new AnswerForm(form.kind(), form.plannedLevel(), form.plannedDate(), body, number, comment);
    }
}
