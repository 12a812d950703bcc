package jp.hoshimi.alert;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.alert.internal.AlertCursorRepository;
import jp.hoshimi.alert.internal.AlertRepository;
import jp.hoshimi.alert.internal.AlertRepository.NewAlert;
import jp.hoshimi.alert.internal.AlertSettingsRepository;
import jp.hoshimi.alert.internal.NotificationRepository;
import jp.hoshimi.alert.internal.OutboxRepository;
import jp.hoshimi.alert.internal.OutboxRepository.NewDelivery;
import jp.hoshimi.alert.internal.RecipientRepository;
import jp.hoshimi.alert.internal.RecipientRepository.ContractInfo;
import jp.hoshimi.alert.internal.RecipientRepository.Recipient;
import jp.hoshimi.alert.internal.RecipientRepository.SupplierInfo;
import jp.hoshimi.audit.AuditChainBrokenEvent;
import jp.hoshimi.compliance.ComplianceChange;
import jp.hoshimi.compliance.ComplianceEvents;
import jp.hoshimi.dataimport.ImportFinishedEvent;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
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

    private final ComplianceEvents complianceEvents;
    private final AlertCursorRepository cursor;
    private final AlertRepository alertRepository;
    private final RecipientRepository people;
    private final NotificationRepository notificationRepository;
    private final OutboxRepository outbox;
    private final AlertSettingsRepository settings;
    private final AlertProperties properties;
    private final MailChannel mail;
    private final RegisterService register;
    private final SystemAuthentication system;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Long eventsBeforeFirstSync;

    AlertProducer(
            ComplianceEvents complianceEvents,
            AlertCursorRepository cursor,
            AlertRepository alertRepository,
            RecipientRepository people,
            NotificationRepository notificationRepository,
            OutboxRepository outbox,
            AlertSettingsRepository settings,
            AlertProperties properties,
            MailChannel mail,
            RegisterService register,
            SystemAuthentication system,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.complianceEvents = complianceEvents;
        this.cursor = cursor;
        this.alertRepository = alertRepository;
        this.people = people;
        this.notificationRepository = notificationRepository;
        this.outbox = outbox;
        this.settings = settings;
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
        long position = cursor.lock(COMPLIANCE_CURSOR);
        List<ComplianceChange> changes = complianceEvents.after(position, properties.batchSize());
        if (changes.isEmpty()) {
            return -1;
        }
        long last = changes.get(changes.size() - 1).id();
        Map<ComplianceChange, AlertRules.Planned> planned = new java.util.LinkedHashMap<>();
        // before the first successful sync every finding is MISSING for want of data: nobody to alert.
        // Judged by when each event happened, so reading the same events again decides the same.
        long beforeRegister = lastEventBeforeFirstSync();
        for (ComplianceChange change : changes) {
            if (change.id() > beforeRegister) {
                AlertRules.plan(change).ifPresent(p -> planned.put(change, p));
            }
        }
        int made = 0;
        if (!planned.isEmpty()) {
            made = makeComplianceAlerts(planned, last);
        }
        cursor.move(COMPLIANCE_CURSOR, last, now());
        return made;
    }

    /**
     * One alert per supplier event: the changes of one batch that share a key (the supplier, kind,
     * qualifier, valid-until and episode) become one alert listing their contracts. Its recipients are the
     * union of the contracts' recipients; each sees the contracts of their own scope. A contract that joins
     * an event already told (a later evaluation) is added to it: new recipients hear of it, those told
     * before see it listed but get no second mail (the outbox keys stay (alert, channel, recipient)).
     */
    private int makeComplianceAlerts(Map<ComplianceChange, AlertRules.Planned> planned, long lastId) {
        Set<Long> contractIds =
                planned.keySet().stream().map(ComplianceChange::contractId).collect(Collectors.toSet());
        Set<Long> supplierIds =
                planned.keySet().stream().map(ComplianceChange::supplierId).collect(Collectors.toSet());
        Map<Long, List<ComplianceChange>> returnsToOk = new HashMap<>();
        for (ComplianceChange ok : complianceEvents.episodeStarts(supplierIds, lastId)) {
            returnsToOk.computeIfAbsent(ok.supplierId(), k -> new ArrayList<>()).add(ok);
        }
        Map<Long, ContractInfo> contracts = people.contracts(contractIds);
        Map<Long, SupplierInfo> suppliers = people.suppliers(supplierIds);
        RecipientFinder finder = new RecipientFinder(contracts.values());
        Set<String> warnedKeys = planned.values().stream().anyMatch(p -> p.kind() == AlertKind.RESOLVED)
                ? alertRepository.warningKeys(supplierIds)
                : Set.of();

        Map<String, SupplierEvent> events = new LinkedHashMap<>();
        for (Map.Entry<ComplianceChange, AlertRules.Planned> entry : planned.entrySet()) {
            ComplianceChange change = entry.getKey();
            long episode = episode(returnsToOk.getOrDefault(change.supplierId(), List.of()), change);
            String key = AlertRules.dedupKey(change, entry.getValue(), episode);
            if (entry.getValue().kind() == AlertKind.RESOLVED
                    && !told(warnedKeys, events.keySet(), change.supplierId(), episode)) {
                continue; // a resolution only of something people were told about
            }
            events.computeIfAbsent(
                            key, k -> new SupplierEvent(k, entry.getValue().kind(), change))
                    .add(change, contracts.get(change.contractId()), finder);
        }
        List<NewAlert> alerts = new ArrayList<>();
        Map<String, Map<Long, Set<Long>>> recipients = new HashMap<>();
        Map<String, List<AlertContract>> listed = new HashMap<>();
        for (SupplierEvent event : events.values()) {
            alerts.add(new NewAlert(
                    event.key,
                    event.kind,
                    event.first.id(),
                    event.firstContract,
                    suppliers.get(event.first.supplierId()),
                    event.first,
                    null,
                    Map.of()));
            recipients.put(event.key, event.visible);
            listed.put(event.key, event.contracts);
        }
        store(alerts, recipients, listed, true);
        return alerts.size();
    }

    /** The changes of one supplier event: the contracts they concern and who may see which of them. */
    private static final class SupplierEvent {
        final String key;
        final AlertKind kind;
        final ComplianceChange first;
        ContractInfo firstContract;
        final List<AlertContract> contracts = new ArrayList<>();
        final Map<Long, Set<Long>> visible = new LinkedHashMap<>();

        SupplierEvent(String key, AlertKind kind, ComplianceChange first) {
            this.key = key;
            this.kind = kind;
            this.first = first;
        }

        void add(ComplianceChange change, ContractInfo contract, RecipientFinder finder) {
            if (contract == null) {
                // a contract deleted since the evaluation has nobody left to tell but the risk managers
                finder.riskManagers().forEach(user -> visible.computeIfAbsent(user, u -> new LinkedHashSet<>()));
                return;
            }
            if (firstContract == null) {
                firstContract = contract;
            }
            contracts.add(
                    new AlertContract(contract.id(), contract.number(), contract.title(), change.requiredLevel()));
            for (Long user : finder.of(contract)) {
                visible.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(contract.id());
            }
        }
    }

    /** The id of the supplier's last return to OK in an earlier evaluation than the change (0 if none). */
    private static long episode(List<ComplianceChange> returnsToOk, ComplianceChange change) {
        return returnsToOk.stream()
                .filter(ok -> ok.before(change))
                .mapToLong(ComplianceChange::id)
                .max()
                .orElse(0);
    }

    /** Whether a STATUS or EXPIRING alert of this supplier's episode exists, or is in this batch. */
    private static boolean told(Set<String> stored, Set<String> batch, long supplierId, long episode) {
        String prefix = AlertRules.keyPrefix(supplierId);
        String suffix = ":e" + episode;
        return stored.stream().anyMatch(k -> k.startsWith(prefix) && k.endsWith(suffix))
                || batch.stream().anyMatch(k -> k.startsWith(prefix) && k.endsWith(suffix));
    }

    /** Never changes once the register has been synced, so it is read from the database only until then. */
    private long lastEventBeforeFirstSync() {
        Long known = eventsBeforeFirstSync;
        if (known == null) {
            Optional<LocalDateTime> firstSync = cursor.firstRegisterSync();
            if (firstSync.isEmpty()) {
                return Long.MAX_VALUE;
            }
            known = complianceEvents.lastIdBefore(firstSync.get());
            eventsBeforeFirstSync = known;
        }
        return known;
    }

    /** Who hears of a finding of a contract; the unit tree and the risk managers are read once per batch. */
    private final class RecipientFinder {
        private final Map<Long, Long> parents = people.unitParents();
        private final Map<Long, List<Long>> members;
        private final Set<Long> riskManagers = new LinkedHashSet<>(people.usersWithRole(Role.RISK_MANAGER_NAME));

        RecipientFinder(java.util.Collection<ContractInfo> contracts) {
            Set<Long> units = new HashSet<>();
            contracts.forEach(c -> units.addAll(unitAndAbove(c.orgUnitId())));
            members = people.members(units);
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
        if (alertRepository.alertExists(key)) {
            return false;
        }
        Map<String, String> details = new HashMap<>();
        details.put(
                "lastSuccess",
                freshness.lastSuccess() == null ? "" : freshness.lastSuccess().toString());
        details.put("limitHours", String.valueOf(freshness.limitHours()));
        NewAlert alert = new NewAlert(key, AlertKind.REGISTER_STALE, null, null, null, null, null, details);
        Set<Long> admins = new LinkedHashSet<>(people.usersWithRole(Role.ADMIN_NAME));
        transaction.executeWithoutResult(
                status -> store(List.of(alert), Map.of(key, noContracts(admins)), Map.of(), true));
        return true;
    }

    /** The audit log's hash chain is broken: the administrators hear of it once per break found. */
    void auditChainBroken(AuditChainBrokenEvent event) {
        String key = "AUDIT_CHAIN:" + event.firstBrokenEventId() + ":" + event.problem();
        if (alertRepository.alertExists(key)) {
            return;
        }
        Map<String, String> details = new HashMap<>();
        details.put("eventId", String.valueOf(event.firstBrokenEventId()));
        details.put("problem", event.problem().name());
        NewAlert alert = new NewAlert(key, AlertKind.AUDIT_CHAIN_BROKEN, null, null, null, null, null, details);
        Set<Long> admins = new LinkedHashSet<>(people.usersWithRole(Role.ADMIN_NAME));
        transaction.executeWithoutResult(
                status -> store(List.of(alert), Map.of(key, noContracts(admins)), Map.of(), true));
    }

    /** The person who ran an import hears how it ended (no webhook: it is their own business). */
    void importFinished(ImportFinishedEvent event) {
        Optional<Long> user = people.userId(event.startedBy());
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
        transaction.executeWithoutResult(status ->
                store(List.of(alert), Map.of(key, noContracts(Set.of(user.get()))), Map.of(), false));
    }

    /** A notice to some users (in-app and, by their choices, mail) in the caller's transaction; keyed: once. */
    void notice(NewAlert alert, Set<Long> users) {
        store(List.of(alert), Map.of(alert.dedupKey(), noContracts(users)), Map.of(), false);
    }

    private static Map<Long, Set<Long>> noContracts(Set<Long> users) {
        Map<Long, Set<Long>> result = new java.util.LinkedHashMap<>();
        users.forEach(user -> result.put(user, Set.of()));
        return result;
    }

    /**
     * Inserts the alerts, their contracts, their notifications (with the contracts each person may see) and
     * their outbox rows; all keyed, so a repeat is a no-op. {@code recipientsByKey}: per alert, each
     * recipient with the contracts they may see.
     */
    private void store(
            List<NewAlert> alerts,
            Map<String, Map<Long, Set<Long>>> recipientsByKey,
            Map<String, List<AlertContract>> contractsByKey,
            boolean toWebhook) {
        LocalDateTime now = now();
        Map<String, Long> ids = alertRepository.insertAlerts(alerts, now);
        Set<Long> everyone = new HashSet<>();
        recipientsByKey.values().forEach(users -> everyone.addAll(users.keySet()));
        Map<Long, Recipient> recipients = people.recipients(everyone);
        boolean mailOn = mail.available();
        WebhookSettings webhook = settings.webhook();
        boolean webhookOn = toWebhook
                && webhook.enabled()
                && webhook.url() != null
                && !webhook.url().isBlank();
        LocalDateTime digestAt = nextDigest(now);

        List<long[]> notifications = new ArrayList<>();
        List<long[]> visible = new ArrayList<>();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (NewAlert alert : alerts) {
            Long id = ids.get(alert.dedupKey());
            if (id == null) {
                continue;
            }
            alertRepository.insertAlertContracts(id, contractsByKey.getOrDefault(alert.dedupKey(), List.of()));
            for (Map.Entry<Long, Set<Long>> told :
                    recipientsByKey.getOrDefault(alert.dedupKey(), Map.of()).entrySet()) {
                Long userId = told.getKey();
                Recipient recipient = recipients.get(userId);
                if (recipient == null) {
                    continue; // disabled or gone
                }
                notifications.add(new long[] {id, userId});
                told.getValue().forEach(contract -> visible.add(new long[] {id, userId, contract}));
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
        notificationRepository.insertNotifications(notifications, now);
        notificationRepository.insertNotificationContracts(visible);
        outbox.insertDeliveries(deliveries, now);
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
