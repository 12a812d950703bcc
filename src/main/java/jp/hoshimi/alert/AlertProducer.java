package jp.hoshimi.alert;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.alert.internal.AlertRepository;
import jp.hoshimi.alert.internal.AlertRepository.ContractInfo;
import jp.hoshimi.alert.internal.AlertRepository.NewAlert;
import jp.hoshimi.alert.internal.AlertRepository.NewDelivery;
import jp.hoshimi.alert.internal.AlertRepository.Recipient;
import jp.hoshimi.alert.internal.AlertRepository.SupplierInfo;
import jp.hoshimi.dataimport.ImportFinishedEvent;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.security.Role;
import jp.hoshimi.security.SystemAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns what happened into alerts: a row per alert, a notification per recipient, an outbox row per
 * e-mail and webhook post. Every insert is keyed, so doing the same work twice changes nothing.
 *
 * <p>Compliance events are read by id from a cursor that moves in the same transaction as the alerts
 * made from them (docs/decisions/0011-alert-outbox.md). Recipients of a chain finding: the contract's
 * owner, the members of the contract's unit and of the units above it (exactly the people whose data
 * scope shows the contract; members of units below do not see it), and every risk manager.
 */
@Component
class AlertProducer {

    static final String COMPLIANCE_CURSOR = "compliance_event";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final AlertRepository repository;
    private final AlertProperties properties;
    private final MailChannel mail;
    private final RegisterService register;
    private final SystemAuthentication system;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AlertProducer(
            AlertRepository repository,
            AlertProperties properties,
            MailChannel mail,
            RegisterService register,
            SystemAuthentication system,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.mail = mail;
        this.register = register;
        this.system = system;
        this.transaction = new TransactionTemplate(transactions);
        // may be called from another transaction's afterCompletion: always a transaction of its own
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Reads every compliance event not read yet, one batch per transaction; answers how many alerts it made. */
    int catchUpCompliance() {
        int made = 0;
        while (true) {
            Integer batch = transaction.execute(status -> complianceBatch());
            if (batch == null || batch < 0) {
                return made;
            }
            made += batch;
        }
    }

    /** One batch: -1 when there was nothing left to read. */
    private int complianceBatch() {
        long cursor = repository.lockCursor(COMPLIANCE_CURSOR);
        List<ComplianceChange> changes = repository.eventsAfter(cursor, properties.batchSize());
        if (changes.isEmpty()) {
            return -1;
        }
        long last = changes.get(changes.size() - 1).id();
        Map<ComplianceChange, AlertRules.Planned> planned = new java.util.LinkedHashMap<>();
        for (ComplianceChange change : changes) {
            AlertRules.plan(change).ifPresent(p -> planned.put(change, p));
        }
        int made = 0;
        if (!planned.isEmpty()) {
            made = makeComplianceAlerts(planned, last);
        }
        repository.moveCursor(COMPLIANCE_CURSOR, last, now());
        return made;
    }

    private int makeComplianceAlerts(Map<ComplianceChange, AlertRules.Planned> planned, long lastId) {
        Set<Long> contractIds =
                planned.keySet().stream().map(ComplianceChange::contractId).collect(Collectors.toSet());
        Set<Long> supplierIds =
                planned.keySet().stream().map(ComplianceChange::supplierId).collect(Collectors.toSet());
        Map<String, List<Long>> okIds = new HashMap<>();
        for (ComplianceChange ok : repository.okEvents(contractIds, lastId)) {
            okIds.computeIfAbsent(pair(ok), k -> new ArrayList<>()).add(ok.id());
        }
        Map<Long, ContractInfo> contracts = repository.contracts(contractIds);
        Map<Long, SupplierInfo> suppliers = repository.suppliers(supplierIds);
        RecipientFinder finder = new RecipientFinder(contracts.values());

        List<NewAlert> alerts = new ArrayList<>();
        Map<String, Set<Long>> recipients = new HashMap<>();
        for (Map.Entry<ComplianceChange, AlertRules.Planned> entry : planned.entrySet()) {
            ComplianceChange change = entry.getKey();
            long episode = okIds.getOrDefault(pair(change), List.of()).stream()
                    .filter(id -> id < change.id())
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            String key = AlertRules.dedupKey(change, entry.getValue(), episode);
            ContractInfo contract = contracts.get(change.contractId());
            alerts.add(new NewAlert(
                    key,
                    entry.getValue().kind(),
                    change.id(),
                    contract,
                    suppliers.get(change.supplierId()),
                    change,
                    null,
                    Map.of()));
            // a contract deleted since the evaluation has nobody left to tell but the risk managers
            recipients.put(key, contract == null ? finder.riskManagers() : finder.of(contract));
        }
        store(alerts, recipients, true);
        return alerts.size();
    }

    private static String pair(ComplianceChange change) {
        return change.contractId() + ":" + change.supplierId();
    }

    /** Who hears of a finding of a contract; the unit tree and the risk managers are read once per batch. */
    private final class RecipientFinder {
        private final Map<Long, Long> parents = repository.unitParents();
        private final Map<Long, List<Long>> members;
        private final Set<Long> riskManagers = new LinkedHashSet<>(repository.usersWithRole(Role.RISK_MANAGER_NAME));

        RecipientFinder(java.util.Collection<ContractInfo> contracts) {
            Set<Long> units = new HashSet<>();
            contracts.forEach(c -> units.addAll(unitAndAbove(c.orgUnitId())));
            members = repository.members(units);
        }

        Set<Long> riskManagers() {
            return riskManagers;
        }

        Set<Long> of(ContractInfo contract) {
            Set<Long> users = new LinkedHashSet<>();
            if (contract.ownerUserId() != null) {
                users.add(contract.ownerUserId());
            }
            for (Long unit : unitAndAbove(contract.orgUnitId())) {
                users.addAll(members.getOrDefault(unit, List.of()));
            }
            users.addAll(riskManagers);
            return users;
        }

        private List<Long> unitAndAbove(long unitId) {
            List<Long> chain = new ArrayList<>();
            Long unit = unitId;
            while (unit != null && !chain.contains(unit)) {
                chain.add(unit);
                unit = parents.get(unit);
            }
            return chain;
        }
    }

    /**
     * The register has been stale past the limit: once per stale spell (keyed by the last successful sync)
     * the administrators hear of it. A register that was never synced and never tried is not configured
     * yet, which the register screen says; nothing to alert.
     */
    boolean checkRegisterFreshness() {
        RegisterService.Freshness freshness = system.callAsSystem(register::freshness);
        if (!freshness.stale()) {
            return false;
        }
        if (freshness.lastSuccess() == null && system.callAsSystem(() -> register.countRuns(null)) == 0) {
            return false;
        }
        String key = "REGISTER_STALE:" + (freshness.lastSuccess() == null ? "never" : freshness.lastSuccess());
        if (repository.alertExists(key)) {
            return false;
        }
        Map<String, String> details = new HashMap<>();
        details.put(
                "lastSuccess",
                freshness.lastSuccess() == null ? "" : freshness.lastSuccess().toString());
        details.put("limitHours", String.valueOf(freshness.limitHours()));
        NewAlert alert = new NewAlert(key, AlertKind.REGISTER_STALE, null, null, null, null, null, details);
        Set<Long> admins = new LinkedHashSet<>(repository.usersWithRole(Role.ADMIN_NAME));
        transaction.executeWithoutResult(status -> store(List.of(alert), Map.of(key, admins), true));
        return true;
    }

    /** The person who ran an import hears how it ended (no webhook: it is their own business). */
    void importFinished(ImportFinishedEvent event) {
        Optional<Long> user = repository.userId(event.startedBy());
        if (user.isEmpty()) {
            return; // an API token, not a person
        }
        String key = "IMPORT:" + event.runId() + ":" + event.status();
        Map<String, String> details = new HashMap<>();
        details.put(
                "status",
                event.status() == ImportStatus.APPLIED || event.status() == ImportStatus.PREVIEWED
                        ? event.status().name()
                        : ImportStatus.FAILED.name());
        details.put("importKind", event.kind().name());
        details.put("fileName", event.fileName());
        details.put("total", String.valueOf(event.counts().total()));
        details.put("new", String.valueOf(event.counts().added()));
        details.put("changed", String.valueOf(event.counts().changed()));
        details.put("unchanged", String.valueOf(event.counts().unchanged()));
        details.put("error", String.valueOf(event.counts().error()));
        NewAlert alert = new NewAlert(key, AlertKind.IMPORT_FINISHED, null, null, null, null, event.runId(), details);
        transaction.executeWithoutResult(status -> store(List.of(alert), Map.of(key, Set.of(user.get())), false));
    }

    /** Inserts the alerts, their notifications and their outbox rows; all keyed, so a repeat is a no-op. */
    private void store(List<NewAlert> alerts, Map<String, Set<Long>> recipientsByKey, boolean toWebhook) {
        LocalDateTime now = now();
        Map<String, Long> ids = repository.insertAlerts(alerts, now);
        Set<Long> everyone = new HashSet<>();
        recipientsByKey.values().forEach(everyone::addAll);
        Map<Long, Recipient> recipients = repository.recipients(everyone);
        boolean mailOn = mail.available();
        WebhookSettings webhook = repository.webhook();
        boolean webhookOn = toWebhook
                && webhook.enabled()
                && webhook.url() != null
                && !webhook.url().isBlank();
        LocalDateTime digestAt = nextDigest(now);

        List<long[]> notifications = new ArrayList<>();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (NewAlert alert : alerts) {
            Long id = ids.get(alert.dedupKey());
            if (id == null) {
                continue;
            }
            for (Long userId : recipientsByKey.getOrDefault(alert.dedupKey(), Set.of())) {
                Recipient recipient = recipients.get(userId);
                if (recipient == null) {
                    continue; // disabled or gone
                }
                notifications.add(new long[] {id, userId});
                if (mailOn
                        && recipient.emailEnabled()
                        && recipient.email() != null
                        && !recipient.email().isBlank()) {
                    deliveries.add(new NewDelivery(
                            id,
                            Channel.EMAIL,
                            userId,
                            recipient.language(),
                            recipient.dailyDigest(),
                            recipient.dailyDigest() ? digestAt : now));
                }
            }
            if (webhookOn) {
                deliveries.add(new NewDelivery(id, Channel.WEBHOOK, 0, webhook.language(), false, now));
            }
        }
        repository.insertNotifications(notifications, now);
        repository.insertDeliveries(deliveries, now);
    }

    /** The next daily digest time (Asia/Tokyo) after {@code now} (UTC). */
    LocalDateTime nextDigest(LocalDateTime now) {
        ZonedDateTime tokyo = now.atOffset(ZoneOffset.UTC).atZoneSameInstant(TOKYO);
        ZonedDateTime at = tokyo.toLocalDate().atTime(properties.digestTime()).atZone(TOKYO);
        if (!at.isAfter(tokyo)) {
            at = at.plusDays(1);
        }
        return at.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
