package jp.hoshimi.dashboard;

import java.time.LocalDate;

/** The contracts of the user's scope by status on one day, from the daily compliance snapshot. */
public record TrendDay(LocalDate date, StatusCounts counts) {}
