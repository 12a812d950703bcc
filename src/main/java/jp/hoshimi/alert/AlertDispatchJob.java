package jp.hoshimi.alert;

import jp.hoshimi.shared.identity.SystemAuthentication;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.stereotype.Component;

/** The alert dispatcher on the clustered Quartz schedule: one node at a time, as the system user. */
@Component
@DisallowConcurrentExecution
public class AlertDispatchJob implements Job {

    private final AlertDispatcher dispatcher;
    private final SystemAuthentication system;

    public AlertDispatchJob(AlertDispatcher dispatcher, SystemAuthentication system) {
        this.dispatcher = dispatcher;
        this.system = system;
    }

    @Override
    public void execute(JobExecutionContext context) {
        system.runAsSystem(dispatcher::dispatch);
    }
}
