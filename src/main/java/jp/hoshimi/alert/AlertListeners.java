package jp.hoshimi.alert;

import jp.hoshimi.audit.AuditChainBrokenEvent;
import jp.hoshimi.compliance.ComplianceEvaluatedEvent;
import jp.hoshimi.dataimport.ImportFinishedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes alerts as soon as something happened, in the thread that made it happen (so the bell counts them
 * when that screen's action returns), and starts the dispatcher. A failure here loses nothing: the
 * dispatcher reads the compliance events from its cursor on every run.
 */
@Component
class AlertListeners {

    private static final Logger log = LoggerFactory.getLogger(AlertListeners.class);

    private final AlertProducer producer;
    private final AlertSchedule schedule;

    AlertListeners(AlertProducer producer, AlertSchedule schedule) {
        this.producer = producer;
        this.schedule = schedule;
    }

    @EventListener
    void onComplianceEvaluated(ComplianceEvaluatedEvent event) {
        if (!event.changedAnything()) {
            return;
        }
        try {
            if (producer.catchUpCompliance() > 0) {
                schedule.dispatchSoon();
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Alerts for compliance events up to {} wait for the dispatcher: {}",
                    event.lastEventId(),
                    e.toString());
        }
    }

    @EventListener
    void onAuditChainBroken(AuditChainBrokenEvent event) {
        try {
            producer.auditChainBroken(event);
            schedule.dispatchSoon();
        } catch (RuntimeException e) {
            log.error("Could not alert the administrators that the audit chain is broken at {}", event, e);
        }
    }

    @EventListener
    void onImportFinished(ImportFinishedEvent event) {
        try {
            producer.importFinished(event);
            schedule.dispatchSoon();
        } catch (RuntimeException e) {
            log.warn("Could not make the alert for import run {}", event.runId(), e);
        }
    }
}
