package jp.hoshimi.register;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The register sync's threads, which Spring starts and shuts down with the application: the runs that "sync
 * now" starts in the background, and the heartbeat that renews the sync lease while a sync holds it
 * (docs/decisions/0019-short-leases-heartbeat.md). Neither is a default candidate: they serve the sync alone, are
 * injected by name, and leave Spring Boot's own task executor in place.
 */
@Configuration(proxyBeanMethods = false)
class RegisterSyncThreads {

    static final String RUNS = "registerSyncRuns";
    static final String HEARTBEAT = "registerSyncHeartbeat";

    /**
     * A thread for every sync started, made when needed and ended after a minute idle: runs never queue for a
     * thread (one that finds the lease held ends at once as SKIPPED, as on another node). At shutdown a run
     * still going is interrupted; one that does not end is marked interrupted by the next node to take the
     * lease.
     */
    @Bean(name = RUNS, defaultCandidate = false)
    ThreadPoolTaskExecutor registerSyncRuns() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("hoshimi-register-sync-");
        executor.setDaemon(true);
        executor.setCorePoolSize(0);
        executor.setQueueCapacity(0);
        executor.setKeepAliveSeconds(60);
        return executor;
    }

    /** One thread, for the heartbeat of this node's sync service. */
    @Bean(name = HEARTBEAT, defaultCandidate = false)
    ThreadPoolTaskScheduler registerSyncHeartbeat() {
        return heartbeat();
    }

    /** A heartbeat scheduler, to be initialised (tests make one for each further node they play). */
    static ThreadPoolTaskScheduler heartbeat() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("hoshimi-register-heartbeat-");
        scheduler.setDaemon(true);
        scheduler.setPoolSize(1);
        return scheduler;
    }
}
