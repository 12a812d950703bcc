package jp.hoshimi.outreach;

/** Open (sent or answered) and overdue requests in the user's scope, for the dashboard. */
public record RequestCounts(int open, int overdue) {}
